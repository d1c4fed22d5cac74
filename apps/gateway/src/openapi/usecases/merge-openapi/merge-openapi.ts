import type { OpenAPIObject } from '@nestjs/swagger';
import { DEPRECATIONS, markDeprecations, type Deprecation } from '../../../proxy/deprecations';
import { describeDoor } from '../../door-operations';
import { toOpenApi31 } from '../../openapi-31';

// Each service documents its own probes; the gateway does not forward them.
const SERVICE_LOCAL_PATHS = /^\/(health|metrics|docs)/;

/** The gateway's own document plus every service's `/v1` paths and schemas: the national portal API in one place. */
export function mergeOpenApi(gateway: OpenAPIObject, services: Record<string, OpenAPIObject | undefined>): OpenAPIObject {
  const merged: OpenAPIObject = structuredClone(gateway);
  merged.components ??= {};
  merged.components.schemas ??= {};
  const missing: string[] = [];
  for (const [name, doc] of Object.entries(services)) {
    if (!doc) {
      missing.push(name);
      continue;
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!SERVICE_LOCAL_PATHS.test(path)) merged.paths[path] = item;
    }
    Object.assign(merged.components.schemas, doc.components?.schemas);
    for (const tag of doc.tags ?? []) if (!merged.tags?.some((t) => t.name === tag.name)) (merged.tags ??= []).push(tag);
  }
  if (missing.length > 0) {
    merged.info = { ...merged.info, description: `${merged.info.description}\n\n(Not included right now, service unreachable: ${missing.join(', ')}.)` };
  }
  return merged;
}

/** The published document (`/openapi.json`, `docs/openapi.json`): the merge plus what the door adds to each operation. */
export function publishedOpenApi(gateway: OpenAPIObject, services: Record<string, OpenAPIObject | undefined>, deprecations: readonly Deprecation[] = DEPRECATIONS): OpenAPIObject {
  const document = describeDoor(mergeOpenApi(gateway, services));
  markDeprecations(document.paths as Record<string, Record<string, unknown>>, deprecations);
  return toOpenApi31(document);
}

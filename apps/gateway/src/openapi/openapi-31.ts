import type { OpenAPIObject } from '@nestjs/swagger';

export const PUBLISHED_OPENAPI_VERSION = '3.1.0';

type Json = Record<string, unknown>;

// Annotations that describe the property itself, not the value's shape: they stay beside the null alternative.
const ANNOTATIONS = ['description', 'title', 'default', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'x-sunset'];

/**
 * @nestjs/swagger builds OpenAPI 3.0 (its `setOpenAPIVersion` only changes the version string). The published
 * document is 3.1 (JSON Schema 2020-12), so what 3.0 says differently is rewritten here, once, on the merged document:
 * `nullable: true` becomes a `null` type (`type: [t, 'null']`, `null` in an `enum`, or `anyOf [..., {type: null}]`
 * around a `$ref`/`allOf`), and boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric bound. Pure: returns
 * a converted copy.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const converted = convert(structuredClone(document)) as OpenAPIObject;
  converted.openapi = PUBLISHED_OPENAPI_VERSION;
  return converted;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = convert(v);
  bounds(out, 'exclusiveMinimum', 'minimum');
  bounds(out, 'exclusiveMaximum', 'maximum');
  // A property named `nullable` (inside `properties`) is an object, not the 3.0 keyword.
  if (typeof out.nullable !== 'boolean') return out;
  const nullable = out.nullable === true;
  delete out.nullable;
  if (!nullable) return out;
  if (out.$ref !== undefined || out.allOf !== undefined || out.oneOf !== undefined || out.anyOf !== undefined) {
    const shape: Json = {};
    const kept: Json = {};
    for (const [k, v] of Object.entries(out)) (ANNOTATIONS.includes(k) ? kept : shape)[k] = v;
    return { ...kept, anyOf: [shape, { type: 'null' }] };
  }
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

function bounds(schema: Json, exclusive: string, inclusive: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else {
    delete schema[exclusive];
  }
}

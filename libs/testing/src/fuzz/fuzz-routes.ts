import type { OpenAPIObject } from '@nestjs/swagger';

export interface FuzzRoute {
  method: string;
  /** OpenAPI template, e.g. `/v1/dossiers/{code}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Top-level fields of the documented JSON body, used to shape "nearly valid" bodies. */
  bodyFields: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface SchemaLike {
  $ref?: string;
  properties?: Record<string, unknown>;
}

/** Every operation of an OpenAPI document (the services' documents are generated from the Nest router). */
export function routesOf(document: OpenAPIObject): FuzzRoute[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaLike>;
  const fieldsOf = (schema: SchemaLike | undefined): string[] => {
    const resolved = schema?.$ref ? schemas[schema.$ref.split('/').pop()!] : schema;
    return Object.keys(resolved?.properties ?? {});
  };
  const routes: FuzzRoute[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as { in?: string; name?: string }[];
      const body = operation.requestBody as { content?: Record<string, { schema?: SchemaLike }> } | undefined;
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name!),
        bodyFields: fieldsOf(body?.content?.['application/json']?.schema),
      });
    }
  }
  return routes;
}

/** Fills `{param}` placeholders with the given segments, in order. */
export function pathWith(route: FuzzRoute, segments: string[]): string {
  let i = 0;
  return route.path.replace(/\{[^}]+\}/g, () => segments[i++ % Math.max(segments.length, 1)] ?? 'x');
}

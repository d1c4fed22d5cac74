/**
 * What /v1 deprecates, as data: the gateway answers every call that touches a deprecated operation or field with
 * `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link` headers, and the published OpenAPI document marks the
 * same operations, parameters and properties `deprecated: true` with `x-sunset`. Nothing is removed from /v1 before
 * its sunset; what replaces it is at `link`.
 *
 * An entry names an operation (`method` + `path` as in the OpenAPI document, `{param}` for a path parameter) and,
 * for a field, where it is: a `query` parameter (headers only when the request uses it), a request `body` property
 * or a `response` property (headers on every call of the operation: the gateway does not parse bodies).
 */
export interface Deprecation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  field?: { in: 'query' | 'body' | 'response'; name: string };
  /** When it was deprecated (ISO date). */
  since: string;
  /** When it stops being served (ISO date, ≥ 6 months after `since`). */
  sunset: string;
  /** The migration note: what to use instead. */
  link: string;
}

/** Nothing in /v1 is deprecated yet. Append entries here (and mark the DTO property `deprecated: true`). */
export const DEPRECATIONS: readonly Deprecation[] = [];

/** The table the running gateway applies (DEPRECATIONS; another one in tests), for its headers and its document alike. */
export const DEPRECATION_TABLE = Symbol('DEPRECATION_TABLE');

const templateRegex = (path: string) => new RegExp(`^${path.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);

/** The entries that a request touches. */
export function deprecationsFor(method: string, url: string, table: readonly Deprecation[]): Deprecation[] {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  return table.filter((d) => d.method === method && templateRegex(d.path).test(path) && (d.field?.in !== 'query' || params.has(d.field.name)));
}

/**
 * The headers for the entries a request touches: the earliest `since` and the earliest `sunset` win (the
 * first thing the caller must stop using), one `Link` per distinct note.
 */
export function deprecationHeaders(touched: readonly Deprecation[]): Record<string, string> {
  if (touched.length === 0) return {};
  const since = Math.min(...touched.map((d) => Date.parse(d.since)));
  const sunset = Math.min(...touched.map((d) => Date.parse(d.sunset)));
  const links = [...new Set(touched.map((d) => d.link))];
  return {
    deprecation: `@${Math.floor(since / 1000)}`,
    sunset: new Date(sunset).toUTCString(),
    link: [...links.map((l) => `<${l}>; rel="deprecation"`), `<${links[0]}>; rel="sunset"`].join(', '),
  };
}

type Operation = { deprecated?: boolean; parameters?: Array<{ name?: string; in?: string; deprecated?: boolean }>; [k: string]: unknown };

/** Marks the table's operations and query parameters in an OpenAPI document (properties are marked in their DTOs). */
export function markDeprecations(paths: Record<string, Record<string, unknown>>, table: readonly Deprecation[]): void {
  for (const d of table) {
    const operation = paths[d.path]?.[d.method.toLowerCase()] as Operation | undefined;
    if (!operation) continue;
    const note = { 'x-sunset': d.sunset, 'x-deprecated-since': d.since, 'x-deprecation-link': d.link };
    if (!d.field) {
      Object.assign(operation, { deprecated: true }, note);
    } else if (d.field.in === 'query') {
      const param = operation.parameters?.find((p) => p.in === 'query' && p.name === d.field!.name);
      if (param) Object.assign(param, { deprecated: true }, note);
    } else {
      operation['x-deprecated-fields'] = [...((operation['x-deprecated-fields'] as unknown[]) ?? []), { ...d.field, sunset: d.sunset, link: d.link }];
    }
  }
}

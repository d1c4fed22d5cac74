import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY_SECURITY_SCHEME, PROBLEM_CONTENT_TYPE } from '@hub/platform';
import { OAUTH2_SECURITY_SCHEME } from './door-operations';

/**
 * The published API document (docs/openapi.json, which CI keeps equal to what the code builds: `npm run openapi:check`)
 * documents every route: an operation id, a summary, its problems, its examples and its security scheme.
 */

type Json = Record<string, unknown>;
interface Schema {
  $ref?: string;
  example?: unknown;
  examples?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: unknown;
}
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; example?: unknown; examples?: unknown; schema?: Schema }[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const document = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  security?: Record<string, string[]>[];
  components: { schemas: Record<string, Schema>; securitySchemes: Json };
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ route: `${method.toUpperCase()} ${path}`, path, operation: item[method] })),
);

/** The compatibility endpoint speaks the national portal's old vocabulary: HTTP 200 with `error_code`, never a problem. */
const isCompat = (path: string) => path.startsWith('/dvcqg/');

/**
 * Where examples are still missing, by route and what lacks one (none today). A route added without examples fails;
 * a gap accepted for a while goes here, and the test asks to remove it once it is fixed.
 */
const KNOWN_MISSING_EXAMPLES: Record<string, string[]> = {};

function resolve(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = document.components.schemas[current.$ref.split('/').pop()!];
  return current;
}

/** The schema, or something inside it (a property, an item, an alternative), shows an example value. */
function showsExample(schema: Schema | undefined, depth = 0): boolean {
  const s = resolve(schema);
  if (!s || depth > 5) return false;
  if ('example' in s || 'examples' in s) return true;
  const inner = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.items ? [s.items] : []), ...Object.values(s.properties ?? {})];
  return inner.some((child) => showsExample(child, depth + 1));
}

const mediaShowsExample = (content: Record<string, Media> | undefined) =>
  Object.values(content ?? {}).some((media) => 'example' in media || 'examples' in media || showsExample(media.schema));

/** What of an operation has no example: path parameters, the request body, the success answer. */
function missingExamples(operation: Operation): string[] {
  const missing = (operation.parameters ?? [])
    .filter((p) => p.in === 'path' && !('example' in p) && !('examples' in p) && !showsExample(p.schema))
    .map((p) => `path parameter ${p.name}`);
  if (operation.requestBody && !mediaShowsExample(operation.requestBody.content)) missing.push('request body');
  const answers = Object.entries(operation.responses).filter(([status, response]) => /^2/.test(status) && response.content);
  if (answers.length > 0 && !answers.some(([, response]) => mediaShowsExample(response.content))) missing.push('answer');
  return missing;
}

const isProblem = (response: { content?: Record<string, Media> } | undefined) => resolve(response?.content?.[PROBLEM_CONTENT_TYPE]?.schema) === document.components.schemas.Problem;

describe('the published OpenAPI document (docs/openapi.json)', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('gives every route a unique operation id and a summary', () => {
    const faults = operations.filter(({ operation }) => !operation.operationId?.trim() || !operation.summary?.trim()).map(({ route }) => route);
    expect(faults).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every /v1 route both ways in (API key or OAuth2 client credentials), and says which routes are open', () => {
    const schemes = Object.keys(document.components.securitySchemes);
    expect(schemes).toEqual(expect.arrayContaining([API_KEY_SECURITY_SCHEME, OAUTH2_SECURITY_SCHEME]));
    const faults = operations.flatMap(({ route, path, operation }) => {
      const security = operation.security;
      if (!security) return [`${route}: no security of its own`];
      const named = security.flatMap((requirement) => Object.keys(requirement));
      if (named.some((name) => !schemes.includes(name))) return [`${route}: an undeclared scheme in ${JSON.stringify(security)}`];
      if (!path.startsWith('/v1/')) return security.length === 0 ? [] : [`${route}: the gateway's open endpoints declare security: []`];
      const alternatives = security.map((requirement) => Object.keys(requirement).join('+'));
      return [API_KEY_SECURITY_SCHEME, OAUTH2_SECURITY_SCHEME].every((s) => alternatives.includes(s)) ? [] : [`${route}: offers ${alternatives.join(' | ')}`];
    });
    expect(faults).toEqual([]);
  });

  it('documents every route’s problems as application/problem+json', () => {
    const faults = operations.flatMap(({ route, path, operation }) => {
      const { responses } = operation;
      const errors = Object.keys(responses).filter((status) => status === 'default' || /^[45]/.test(status));
      if (isCompat(path)) return responses.default && isProblem(responses.default) ? [] : [`${route}: no default problem`];
      const notProblems = errors.filter((status) => !isProblem(responses[status])).map((status) => `${route}: ${status} is not a problem`);
      const open = operation.security?.some((requirement) => Object.keys(requirement).length === 0) ?? false;
      const required = path.startsWith('/v1/') ? ['default', '400', '401', '429', ...(open ? [] : ['403'])] : ['default'];
      const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      const absent = required.filter((status) => !responses[status]).map((status) => `${route}: no ${status}`);
      const noOwnProblem = takesInput && !errors.some((status) => /^4/.test(status)) ? [`${route}: takes input but lists no 4xx problem`] : [];
      return [...notProblems, ...absent, ...noOwnProblem];
    });
    expect(faults).toEqual([]);
  });

  it('shows examples for path parameters, request bodies and answers (except the known gaps listed above)', () => {
    const missing = Object.fromEntries(operations.map(({ route, operation }) => [route, missingExamples(operation)]).filter(([, what]) => what.length > 0));
    expect(missing).toEqual(KNOWN_MISSING_EXAMPLES);
  });
});

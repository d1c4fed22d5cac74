import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { hostileBody, hostileHeaders, hostileQuery, hostileRequestHead, hostileSegment, VALID_IDENTITY } from './hostile-arbitraries';
import { pathWith, type FuzzRoute } from './fuzz-routes';
import { sendRaw } from './raw-http';

/** Runs per property: small in the normal suite, `FUZZ_RUNS=2000 npm run fuzz` for a long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 15);
/**
 * A failed run prints its `seed` and `path`: `FUZZ_SEED=<seed> FUZZ_PATH=<path>` replays that counterexample, in a run
 * of that one test (`jest -t`): a path belongs to one property.
 */
const REPLAY: { seed?: number; path?: string } =
  process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };

/** Jest timeout of one fuzz test, growing with the runs (a run can wait on a silent socket). */
export const FUZZ_TIMEOUT_MS = 30_000 + FUZZ_RUNS * 1_500;

export interface HostileInputTarget {
  app: NestFastifyApplication;
  /** Port the app listens on (127.0.0.1), for what only a raw socket can send. */
  port: number;
  routes: FuzzRoute[];
  /** A valid credential with every role, so requests get past the guard into parsing and validation. */
  credential: { header: string; value(): string };
  /** Requests that reached the services behind (the gateway): a request refused here must not have. */
  forwardedRequests?(): number;
  /** Row counts per table; must not move when a request is refused. */
  storedRows(): Promise<Record<string, number>>;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

const PROBLEM = /^application\/problem\+json/;

/** Never a 5xx; every error a problem document with a stable code and the correlation id. */
export function checkAnswer(answer: Answer, request: string, method = 'GET'): void {
  const { status, headers, body } = answer;
  if (status >= 500) throw new Error(`${request} answered ${status}: ${body.slice(0, 300)}`);
  if (status < 400) return;
  const type = String(headers['content-type'] ?? '');
  if (!PROBLEM.test(type)) throw new Error(`${request} answered ${status} as ${type || 'no content type'}: ${body.slice(0, 300)}`);
  if (method === 'HEAD') return;
  const document = JSON.parse(body) as { status?: unknown; code?: unknown; correlationId?: unknown };
  if (document.status !== status || typeof document.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(document.code) || typeof document.correlationId !== 'string') {
    throw new Error(`${request} answered ${status} with an incomplete problem: ${body.slice(0, 300)}`);
  }
}

function hostileRequest(target: HostileInputTarget) {
  return fc.constantFrom(...target.routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      method: fc.oneof({ weight: 6, arbitrary: fc.constant(route.method) }, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')),
      segments: fc.array(hostileSegment, { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
      query: fc.option(hostileQuery(route.queryParams), { nil: undefined }),
      headers: hostileHeaders(),
      body: fc.option(hostileBody(route.bodyFields), { nil: undefined, freq: 4 }),
    }),
  );
}

/** Generated hostile bodies, headers, path segments and query strings at every route. */
export async function fuzzRoutes(target: HostileInputTarget, numRuns = FUZZ_RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(hostileRequest(target), async ({ route, method, segments, query, headers, body }) => {
      const url = pathWith(route, segments) + (query === undefined ? '' : `?${query}`);
      const { credential, ...others } = headers;
      const sent = {
        ...others,
        [target.credential.header]: credential.replace(VALID_IDENTITY, target.credential.value()),
        ...(body?.contentType === undefined ? {} : { 'content-type': body.contentType }),
      };
      const before = await target.storedRows();
      const forwarded = target.forwardedRequests?.();
      const res = await target.app.inject({
        method: method as 'GET',
        url,
        headers: sent,
        payload: body?.payload,
      });
      const request = `${method} ${url.slice(0, 200)} (${route.method} ${route.path})`;
      checkAnswer({ status: res.statusCode, headers: res.headers, body: res.body }, request, method);
      if (res.statusCode >= 400) {
        const after = await target.storedRows();
        if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${request} was refused (${res.statusCode}) but stored rows: ${JSON.stringify({ before, after })}`);
        if (target.forwardedRequests && target.forwardedRequests() !== forwarded) throw new Error(`${request} was refused (${res.statusCode}) but forwarded`);
      }
    }),
    { numRuns, ...REPLAY },
  );
}

/** Hostile request heads on a raw socket: oversized headers and URLs, bad framing, garbage. */
export async function fuzzRequestHeads(target: HostileInputTarget, numRuns = FUZZ_RUNS): Promise<void> {
  const paths = [...new Set(target.routes.map((r) => pathWith(r, ['x'])))];
  await fc.assert(
    fc.asyncProperty(hostileRequestHead(paths), async (head) => {
      const answer = await sendRaw(target.port, head);
      if (answer) checkAnswer(answer, `raw ${JSON.stringify(head.toString('latin1').slice(0, 80))}`);
    }),
    { numRuns: Math.max(5, Math.ceil(numRuns / 2)), ...REPLAY },
  );
}

/** The process is still serving after the run. */
export async function expectStillAnswering(target: HostileInputTarget): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${target.port}/health/live`);
  if (res.status !== 200) throw new Error(`/health/live answered ${res.status} after the fuzz run`);
}

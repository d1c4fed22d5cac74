import { OPERATIONS, type OperationId, type Operations } from './generated/openapi';
import type { AccessToken, Dossier, ExchangeMeta, HubResult, Problem, ProcedureSummary, SubmitDossierRequest } from './types';

type Present<T, K extends string> = [T] extends [never] ? { [P in K]?: never } : { [P in K]: T };
/** What an operation takes, from the document: its path parameters, query and JSON body (each only if it has one). */
export type OperationInput<K extends OperationId> = Present<Operations[K]['pathParams'], 'pathParams'> &
  Partial<Present<Operations[K]['query'], 'query'>> &
  Present<Operations[K]['body'], 'body'> & { idempotencyKey?: string; correlationId?: string };

export type Credentials = { apiKey: string } | { clientId: string; clientSecret: string; scope?: string };

export interface HubClientOptions {
  /** e.g. `https://hub.example.gov.vn` (no trailing slash needed). */
  baseUrl: string;
  /** API key, or OAuth2 client credentials (tokens are fetched and renewed by the client). Omit for public reads. */
  credentials?: Credentials;
  /** Defaults to the global fetch (Node 20+, browsers). */
  fetch?: typeof fetch;
}

/** A problem answer of the hub, thrown by every method. */
export class HubProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly meta: ExchangeMeta,
  ) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'HubProblemError';
  }
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  correlationId?: string;
}

// A token is renewed this long before it expires.
const RENEW_MARGIN_MS = 30_000;

/** Thin typed wrappers over the hub's /v1 API (docs/openapi.json). */
export class HubClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private token?: { value: string; renewAt: number };

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** POST /oauth/token (client credentials by HTTP Basic). */
  async issueToken(): Promise<AccessToken> {
    const credentials = this.options.credentials;
    if (!credentials || !('clientId' in credentials)) throw new Error('issueToken needs clientId and clientSecret credentials');
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(credentials.scope ? { scope: credentials.scope } : {}) });
    const basic = btoa(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`);
    const res = await this.fetchImpl(`${this.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    return (await this.read<AccessToken>(res)).data;
  }

  /** POST /v1/dossiers. Pass an idempotency key to retry safely. */
  submitDossier(request: SubmitDossierRequest, options: { idempotencyKey?: string; correlationId?: string } = {}): Promise<HubResult<Dossier>> {
    return this.call({ method: 'POST', path: '/v1/dossiers', body: request, ...options });
  }

  /** GET /v1/dossiers/{code}. */
  getDossier(code: string): Promise<HubResult<Dossier>> {
    return this.call({ method: 'GET', path: `/v1/dossiers/${encodeURIComponent(code)}` });
  }

  /** GET /v1/procedures?q= (public: no credentials needed). */
  searchProcedures(q?: string): Promise<HubResult<{ items: ProcedureSummary[]; [field: string]: unknown }>> {
    return this.call({ method: 'GET', path: '/v1/procedures', query: { q } });
  }

  /**
   * Any operation of the document by its operationId, typed from docs/openapi.json (tools/sdk/generate-types.mjs):
   * `hub.request('RatingsController_create', { body: {...}, idempotencyKey })`.
   */
  request<K extends OperationId>(operationId: K, input: OperationInput<K>): Promise<HubResult<Operations[K]['response']>> {
    const { method, path } = OPERATIONS[operationId];
    const { pathParams, query, body, idempotencyKey, correlationId } = input as {
      pathParams?: Record<string, string | number>;
      query?: Record<string, string | number | boolean | undefined>;
      body?: unknown;
      idempotencyKey?: string;
      correlationId?: string;
    };
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = pathParams?.[name];
      if (value === undefined) throw new Error(`${operationId}: path parameter ${name} is missing`);
      return encodeURIComponent(String(value));
    });
    const flatQuery = Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
    return this.call({ method: method as Call['method'], path: url, query: flatQuery, body, idempotencyKey, correlationId });
  }

  /** Any other operation of the document, typed by the caller. */
  async call<T>(call: Call): Promise<HubResult<T>> {
    const query = new URLSearchParams(Object.entries(call.query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
    const headers: Record<string, string> = { accept: 'application/json', ...(await this.authorization()) };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (call.correlationId) headers['x-correlation-id'] = call.correlationId;
    const res = await this.fetchImpl(`${this.baseUrl}${call.path}${query ? `?${query}` : ''}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    return this.read<T>(res);
  }

  private async authorization(): Promise<Record<string, string>> {
    const credentials = this.options.credentials;
    if (!credentials) return {};
    if ('apiKey' in credentials) return { 'x-api-key': credentials.apiKey };
    if (!this.token || Date.now() >= this.token.renewAt) {
      const issued = await this.issueToken();
      this.token = { value: issued.access_token, renewAt: Date.now() + issued.expires_in * 1000 - RENEW_MARGIN_MS };
    }
    return { authorization: `Bearer ${this.token.value}` };
  }

  private async read<T>(res: Response): Promise<HubResult<T>> {
    const meta: ExchangeMeta = {
      status: res.status,
      receipt: res.headers.get('x-hub-receipt') ?? undefined,
      replayed: res.headers.get('idempotent-replayed') === 'true',
      correlationId: res.headers.get('x-correlation-id') ?? undefined,
      rateLimit: res.headers.get('ratelimit') ?? undefined,
    };
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new HubProblemError(body as Problem, meta);
    return { data: body as T, meta };
  }
}

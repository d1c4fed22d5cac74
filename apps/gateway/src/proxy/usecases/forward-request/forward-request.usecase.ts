import { Inject, Injectable } from '@nestjs/common';
import { currentContext, currentCorrelationId, IDENTITY_HEADER, IDENTITY_SIGNING_KEY, problem, signIdentity, type CallerIdentity } from '@hub/platform';
import { AuthenticateClientUseCase } from '../../../api-client/usecases/authenticate-client/authenticate-client.usecase';
import { IDEMPOTENCY_KEY_HEADER, IdempotentExchange } from '../../../idempotency/idempotent-exchange';
import { UpstreamClient, type UpstreamResponse } from '../../upstream.client';
import { routeFor } from '../../upstream-routes';

export interface IncomingRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

const ANONYMOUS: CallerIdentity = { clientId: 'anonymous', kind: 'public', agencyCodes: [], roles: [] };
const FORWARDED_HEADERS = ['accept', 'accept-language', 'content-type', 'idempotency-key', 'user-agent'];

/**
 * Authenticates the caller, then forwards to the service that owns the resource with the verified
 * identity in a signed header. The service checks roles and agency scope again.
 */
@Injectable()
export class ForwardRequestUseCase {
  constructor(
    private readonly authenticate: AuthenticateClientUseCase,
    private readonly upstreams: UpstreamClient,
    private readonly idempotency: IdempotentExchange,
    @Inject(IDENTITY_SIGNING_KEY) private readonly signingKey: string,
  ) {}

  async execute(request: IncomingRequest): Promise<UpstreamResponse> {
    const route = routeFor(request.url);
    if (!route) throw problem(404, 'ROUTE_NOT_FOUND', { detail: `No resource at ${request.method} ${request.url.split('?')[0]}` });
    const apiKey = single(request.headers['x-api-key']);
    const anonymousRead = !apiKey && route.publicRead && (request.method === 'GET' || request.method === 'HEAD');
    const identity = anonymousRead ? ANONYMOUS : await this.authenticate.execute(apiKey);
    const context = currentContext();
    if (context) context.identity = identity;

    const headers: Record<string, string> = { [IDENTITY_HEADER]: signIdentity(identity, this.signingKey) };
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    for (const name of FORWARDED_HEADERS) {
      const value = single(request.headers[name]);
      if (value !== undefined) headers[name] = value;
    }
    const { method, url, body } = request;
    const key = single(request.headers[IDEMPOTENCY_KEY_HEADER]);
    return this.idempotency.run({ clientId: identity.clientId, method, url, key, body }, () => this.upstreams.forward(route.upstream, method, url, headers, body));
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

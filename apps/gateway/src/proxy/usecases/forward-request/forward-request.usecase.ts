import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_HEADER, IDENTITY_SIGNING_KEY, problem, signIdentity, type CallerIdentity, type IdentitySigningKey, type RequestContext } from '@hub/platform';
import { IDEMPOTENCY_KEY_HEADER, IdempotentExchange } from '../../../idempotency/idempotent-exchange';
import type { AuthenticatedClient } from '../../../api-client/authenticated-key-cache';
import { CallerAuthentication, credentialsOf, hasCredentials } from '../../../caller/caller-authentication';
import { anonymousSubject, routeClassOf } from '../../../rate-limit/rate-limit-rules';
import { RateLimiter } from '../../../rate-limit/rate-limiter';
import { DEPRECATION_TABLE, deprecationHeaders, deprecationsFor, type Deprecation } from '../../deprecations';
import { UpstreamClient, type UpstreamResponse } from '../../upstream.client';
import { acceptsLargeBody, routeFor } from '../../upstream-routes';

export interface IncomingRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
  /** The peer address: the public class is limited per IP (payment callbacks: per provider). */
  clientIp: string;
  /** The request's context: its correlation id goes to the service, the authenticated caller is recorded in it. */
  context: RequestContext;
}

const ANONYMOUS: AuthenticatedClient = { identity: { clientId: 'anonymous', kind: 'public', agencyCodes: [], roles: [] } satisfies CallerIdentity };
// x-access-purpose: why a reader reads personal data, for the owning service's audit trail (access-policy.ts).
const FORWARDED_HEADERS = ['accept', 'accept-language', 'content-type', 'idempotency-key', 'user-agent', 'x-access-purpose'];

/**
 * Authenticates the caller (OAuth2 bearer token or API key: the same identity), applies its rate limit and
 * the Idempotency-Key rules, then forwards to the service that owns the resource with the verified
 * identity in a signed header. The service checks roles and agency scope again.
 */
@Injectable()
export class ForwardRequestUseCase {
  constructor(
    private readonly callers: CallerAuthentication,
    private readonly upstreams: UpstreamClient,
    private readonly idempotency: IdempotentExchange,
    private readonly limiter: RateLimiter,
    @Inject(IDENTITY_SIGNING_KEY) signingKey: IdentitySigningKey | null,
    @Inject(DEPRECATION_TABLE) private readonly deprecations: readonly Deprecation[],
  ) {
    if (!signingKey) throw new Error('The gateway needs IDENTITY_SIGNING_KEY (an Ed25519 key: node tools/hub/identity-keys.mjs)');
    this.signingKey = signingKey;
  }

  private readonly signingKey: IdentitySigningKey;

  async execute(request: IncomingRequest): Promise<UpstreamResponse> {
    const { method, url, body } = request;
    const route = routeFor(url);
    if (!route) throw problem(404, 'ROUTE_NOT_FOUND', { detail: `No resource at ${method} ${url.split('?')[0]}` });
    const credentials = credentialsOf(request.headers);
    const anonymousRead = !hasCredentials(credentials) && ((route.publicRead && (method === 'GET' || method === 'HEAD')) || route.publicWrite === true);
    const { identity, rateLimits } = anonymousRead ? ANONYMOUS : await this.callers.authenticate(credentials);
    request.context.identity = identity;
    const routeClass = routeClassOf(method, anonymousRead, acceptsLargeBody(url));
    const limitHeaders = await this.limiter.check({
      routeClass,
      subject: anonymousRead ? anonymousSubject(url, request.clientIp) : identity.clientId,
      overrides: rateLimits,
    });

    // Bound to this one request: the target service, the method and the path with its query, for a few seconds.
    const signed = signIdentity(identity, this.signingKey, { audience: route.upstream, method, path: url });
    const headers: Record<string, string> = { [IDENTITY_HEADER]: signed, 'x-correlation-id': request.context.correlationId };
    for (const name of FORWARDED_HEADERS) {
      const value = single(request.headers[name]);
      if (value !== undefined) headers[name] = value;
    }
    const key = single(request.headers[IDEMPOTENCY_KEY_HEADER]);
    const response = await this.idempotency.run({ clientId: identity.clientId, method, url, key, body }, () =>
      this.upstreams.forward(route.upstream, method, url, headers, body, routeClass),
    );
    // Object.assign, not `{ ...a, ...b, ...c }`: a literal adding fields after a spread is Node 20's slow path (~2.5 µs here).
    const deprecation = deprecationHeaders(deprecationsFor(method, url, this.deprecations));
    return { ...response, headers: Object.assign({}, response.headers, limitHeaders, deprecation) };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_HEADER, IDENTITY_SIGNING_KEY, signIdentity, type CallerIdentity, type IdentitySigningKey } from '@hub/platform';
import { UpstreamClient } from '../proxy/upstream.client';
import { acceptsLargeBody, routeFor } from '../proxy/upstream-routes';

export interface NativeAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Who a native call is made for: the verified caller, and the correlation id of the compatibility request. */
export interface NativeCaller {
  caller: CallerIdentity;
  correlationId: string;
}

/**
 * The native API as the adapter calls it: the same services, routes and rules as every other client, over the
 * gateway's pooled upstream client, with the caller's identity in the signed header (services check roles and
 * agency scope again).
 */
@Injectable()
export class NativeApi {
  private readonly signingKey: IdentitySigningKey;

  constructor(
    private readonly upstreams: UpstreamClient,
    @Inject(IDENTITY_SIGNING_KEY) signingKey: IdentitySigningKey | null,
  ) {
    if (!signingKey) throw new Error('The gateway needs IDENTITY_SIGNING_KEY (an Ed25519 key: node tools/hub/identity-keys.mjs)');
    this.signingKey = signingKey;
  }

  async call<T = unknown>({ caller, correlationId }: NativeCaller, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<NativeAnswer<T>> {
    const route = routeFor(path);
    if (!route) throw new Error(`No service serves ${path}`);
    const headers: Record<string, string> = {
      [IDENTITY_HEADER]: signIdentity(caller, this.signingKey, { audience: route.upstream, method, path }),
      accept: 'application/json',
      'x-correlation-id': correlationId,
    };
    let payload: Buffer | undefined;
    if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body));
      headers['content-type'] = 'application/json';
    }
    // Batches (sync, steps) get the bulk timeout, like the same calls through the proxy.
    const routeClass = method === 'GET' ? 'read' : acceptsLargeBody(path) ? 'bulk' : 'write';
    const res = await this.upstreams.forward(route.upstream, method, path, headers, payload, routeClass);
    let parsed: unknown = null;
    try {
      parsed = res.body.length > 0 ? JSON.parse(res.body.toString('utf8')) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as T };
  }
}

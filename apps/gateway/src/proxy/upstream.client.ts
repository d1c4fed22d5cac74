import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool, errors } from 'undici';
import type { RouteClass } from '../rate-limit/rate-limit-rules';
import { ProxyErrors } from './proxy.errors';
import { longPollAllowanceMs, type UpstreamName } from './upstream-routes';

export interface UpstreamOptions {
  urls: Record<UpstreamName, string>;
  /** How long a service may take to send its headers, then between body chunks, per route class. */
  timeoutMs: Record<RouteClass, number>;
  /** Opening a connection (then UPSTREAM_UNAVAILABLE). */
  connectTimeoutMs: number;
  connections: number;
}

export const UPSTREAM_OPTIONS = Symbol('UPSTREAM_OPTIONS');

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// Hop-by-hop and framing headers are the transport's business, never forwarded.
const DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'proxy-authenticate']);

/** One keep-alive connection pool per service. */
@Injectable()
export class UpstreamClient implements OnApplicationShutdown {
  private readonly pools: Record<UpstreamName, Pool>;

  constructor(@Inject(UPSTREAM_OPTIONS) private readonly options: UpstreamOptions) {
    const pool = (url: string) => new Pool(url, { connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1, connect: { timeout: options.connectTimeoutMs } });
    this.pools = {
      catalogue: pool(options.urls.catalogue),
      dossier: pool(options.urls.dossier),
      payment: pool(options.urls.payment),
      rating: pool(options.urls.rating),
    };
  }

  /**
   * Sends the request to the service; the route class sets the read timeout (default: `read`), and a long poll's
   * wait is added to it (it answers when its wait is over).
   */
  async forward(upstream: UpstreamName, method: string, path: string, headers: Record<string, string>, body?: Buffer, routeClass: RouteClass = 'read'): Promise<UpstreamResponse> {
    const timeoutMs = this.options.timeoutMs[routeClass] + longPollAllowanceMs(method, path);
    try {
      const res = await this.pools[upstream].request({
        method: method as 'GET',
        path,
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !DROPPED.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: res.statusCode, headers: out, body: Buffer.from(await res.body.arrayBuffer()) };
    } catch (e) {
      if (e instanceof errors.HeadersTimeoutError || e instanceof errors.BodyTimeoutError) {
        throw ProxyErrors.timeout(upstream, timeoutMs);
      }
      throw ProxyErrors.unavailable(upstream, e);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(Object.values(this.pools).map((p) => p.close()));
  }
}

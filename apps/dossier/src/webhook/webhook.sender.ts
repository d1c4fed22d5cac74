import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import { refuseUrl } from './webhook-target';
import { guardedLookup } from './webhook-target';
import { signWebhook } from './webhook-signature';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

export type SendOutcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** The most of a receiver's answer that is read (and thrown away). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one signed body. Connections go only to allowed addresses (checked on the resolved address at connect time),
 * redirects are not followed (a 3xx is a failure), and connect and response times are bounded.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(@Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings) {
    this.agent = new Agent({
      connect: { timeout: settings.connectTimeoutMs, lookup: guardedLookup(settings.allowPrivateTargets) as never },
      headersTimeout: settings.responseTimeoutMs,
      bodyTimeout: settings.responseTimeoutMs,
      keepAliveTimeout: 10_000,
      connections: 4,
    });
  }

  /** Longest a send can take: what a lease on an in-flight delivery must outlast. */
  get maxDurationMs(): number {
    return this.settings.connectTimeoutMs + 2 * this.settings.responseTimeoutMs;
  }

  async send(url: string, secret: string, body: string, headers: Record<string, string>, now: Date): Promise<SendOutcome> {
    const refused = refuseUrl(url, this.settings.allowPrivateTargets);
    if (refused) return { ok: false, statusCode: null, error: refused.reason };
    const signature = signWebhook(secret, body, Math.floor(now.getTime() / 1000));
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        body,
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'public-service-hub-webhooks/1', 'x-hub-signature': signature },
        signal: AbortSignal.timeout(this.maxDurationMs),
      });
      await res.body.dump({ limit: MAX_ANSWER_BYTES }).catch(() => undefined);
      if (res.statusCode >= 200 && res.statusCode < 300) return { ok: true, statusCode: res.statusCode };
      return { ok: false, statusCode: res.statusCode, error: `the receiver answered ${res.statusCode}` };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { ok: false, statusCode: null, error: `${err.code ?? err.name}: ${err.message}` };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

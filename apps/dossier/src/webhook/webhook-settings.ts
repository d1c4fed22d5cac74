import type { RetryPolicy } from './retry-policy';

export interface WebhookSettings {
  /** Development and tests: http:// and loopback or private targets are allowed. */
  allowPrivateTargets: boolean;
  /** Fallback poll of the worker; 0 = no worker on this replica. */
  intervalMs: number;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  retry: RetryPolicy;
  /** Signing key of the service: webhook secrets are sealed under a key derived from it. */
  sealingSecret: string;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

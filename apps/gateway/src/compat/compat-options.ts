export interface CompatOptions {
  /** Life of a session (at least 30 min: clients cache a session for 10 min). */
  sessionTtlSeconds: number;
  /** HMAC key of sessions (derived from the identity signing key every gateway replica shares). */
  sessionKey: Buffer;
}

export const COMPAT_OPTIONS = Symbol('COMPAT_OPTIONS');

/**
 * Provide under this token in any module (value: one check or an array of checks); the health controller
 * discovers them all. Example: `{ provide: READINESS_CHECK, useFactory: (ds) => ({ name: 'postgres', check: ... }) }`.
 */
export const READINESS_CHECK = 'READINESS_CHECK';

export interface ReadinessCheck {
  name: string;
  /**
   * Resolves when the dependency is usable; throws (or rejects) when it is not. Resolving with `{ degraded }`
   * says the service still serves without it (e.g. a fallback is in use): readiness stays 200 with status
   * `degraded` and the reason.
   */
  check(): Promise<void | { degraded: string }>;
}

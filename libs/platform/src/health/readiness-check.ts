/**
 * Provide under this token in any module (value: one check or an array of checks); the health controller
 * discovers them all. Example: `{ provide: READINESS_CHECK, useFactory: (ds) => ({ name: 'postgres', check: ... }) }`.
 */
export const READINESS_CHECK = 'READINESS_CHECK';

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency is usable; throws (or rejects) when it is not. */
  check(): Promise<void>;
}

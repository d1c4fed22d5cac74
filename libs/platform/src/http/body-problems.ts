import type { ProblemException } from '../errors/problem.exception';
import { problem } from '../errors/problems';
import { findJsonBudgetViolation, type JsonBudget, type JsonBudgetLimit, type JsonBudgetViolation } from './json-budget';

/** Per limit: the code clients branch on, the status, the variable that sets it, and what it bounds. */
const LIMITS: Record<JsonBudgetLimit, { code: string; status: number; variable: string; what: string }> = {
  maxDepth: { code: 'JSON_TOO_DEEP', status: 400, variable: 'JSON_MAX_DEPTH', what: 'nests objects and arrays deeper than' },
  maxItems: { code: 'JSON_TOO_MANY_ITEMS', status: 400, variable: 'JSON_MAX_ITEMS', what: 'has more object members and array elements than' },
  maxStringBytes: { code: 'JSON_STRING_TOO_LONG', status: 413, variable: 'JSON_MAX_STRING_BYTES', what: 'has a string longer (in bytes) than' },
};

export function jsonBudgetProblem(violation: JsonBudgetViolation): ProblemException {
  const { code, status, variable, what } = LIMITS[violation.limit];
  return problem(status, code, {
    detail: `The JSON body ${what} ${violation.max} (${variable}).`,
    extensions: { limit: violation.max, limitName: variable, ...(violation.actual === undefined ? {} : { actual: violation.actual }) },
  });
}

/** Throws the problem naming the first limit the bytes exceed. */
export function assertWithinJsonBudget(bytes: Buffer, budget: JsonBudget): void {
  const violation = findJsonBudgetViolation(bytes, budget);
  if (violation) throw jsonBudgetProblem(violation);
}

/** A body over the byte limit of its route (BODY_LIMIT_BYTES, or a bulk route's own). */
export function bodyTooLargeProblem(limitBytes: number | undefined, cause?: unknown): ProblemException {
  const detail = limitBytes === undefined ? 'The request body exceeds the size limit.' : `The request body exceeds ${limitBytes} bytes.`;
  return problem(413, 'PAYLOAD_TOO_LARGE', { detail, extensions: limitBytes === undefined ? undefined : { limit: limitBytes }, cause });
}

import { FieldError, ProblemException } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://hub.gov.vn/problems/';

/** RFC 9457 problem details plus the hub's members (code, bilingual message, correlation id). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  message: { vi: string; en: string };
  errors?: FieldError[];
  correlationId: string;
  instance: string;
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export function toProblemDocument(
  problem: ProblemException,
  at: { correlationId: string; instance: string },
): ProblemDocument {
  return {
    // Extensions first so they can never overwrite a standard member.
    ...problem.extensions,
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
    message: { vi: problem.detailVi ?? problem.titleVi, en: problem.detail ?? problem.title },
    errors: problem.errors,
    correlationId: at.correlationId,
    instance: at.instance,
  };
}

import type { FieldError } from '@hub/platform';
import { dossierHttpErrors } from '../../../dossier.http-errors';
import type { DossierError, DossierErrorCode } from '../../dossier.errors';

/** The `problem` of one sync record: the same AppError, as an object inside a 200 answer. */
export interface RecordProblem {
  code: DossierErrorCode;
  title: string;
  detail: string;
  /** The same detail in Vietnamese. */
  detailVi?: string;
  field?: string;
  retryable?: boolean;
  errors?: FieldError[];
}

export function recordProblem(error: DossierError): RecordProblem {
  const retryable = error.params?.retryable;
  return {
    code: error.code,
    title: dossierHttpErrors[error.code].title,
    detail: error.message,
    ...(error.messageVi ? { detailVi: error.messageVi } : {}),
    ...(error.fields?.[0] ? { field: error.fields[0].field } : {}),
    ...(typeof retryable === 'boolean' ? { retryable } : {}),
    ...(error.fields && error.fields.length > 1 ? { errors: error.fields } : {}),
  };
}

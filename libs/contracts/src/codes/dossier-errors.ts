/**
 * Every refusal the dossier service can give, by stable code. The dossier service's transports map them once
 * (dossier.errors.ts); the gateway's compatibility endpoint maps each one to an `error_code` of the national
 * portal's vocabulary, exhaustively, so a code added here does not compile until both know it.
 */
export const DOSSIER_ERROR_CODES = [
  'INVALID_RECORD',
  'BATCH_TOO_LARGE',
  'INVALID_STATUS_TRANSITION',
  'VERSION_CONFLICT',
  'DOSSIER_CODE_DATE_MISMATCH',
  'DOSSIER_CODE_AGENCY_MISMATCH',
  'TIME_IN_FUTURE',
  'TIME_OUT_OF_ORDER',
  'NOTICE_STATUS_MISMATCH',
  'NOTICE_NUMBER_TAKEN',
  'EXTENSION_ALREADY_USED',
  'EXTENSION_NOT_LATER',
  'SUPPLEMENT_NOT_REQUESTED',
  'PROCEDURE_NOT_YET_KNOWN',
  'PROCEDURE_NOT_IN_FORCE',
  'PROCEDURE_NOT_AVAILABLE',
  'AGENCY_NOT_IMPLEMENTING_PROCEDURE',
  'CHANNEL_NOT_OFFERED',
  'LOCAL_STATUS_UNMAPPED',
  'AGENCY_SCOPE_VIOLATION',
  'DOSSIER_NOT_FOUND',
] as const;
export type DossierErrorCode = (typeof DOSSIER_ERROR_CODES)[number];

import type { ConsumerErrorMap } from '@hub/platform';
import type { DossierErrorCode } from './dossier/dossier.errors';

/**
 * What a consumer does with each dossier error code: dead-letter at once only what no retry can change (the
 * message itself is refused by a rule), retry what a later event or the passing of time can fix (README "Consumer
 * errors"). A code added to the union and not classified here does not compile.
 */
export const dossierConsumerErrors: ConsumerErrorMap<DossierErrorCode> = {
  INVALID_RECORD: 'dead-letter',
  BATCH_TOO_LARGE: 'dead-letter',
  INVALID_STATUS_TRANSITION: 'dead-letter',
  VERSION_CONFLICT: 'dead-letter',
  DOSSIER_CODE_DATE_MISMATCH: 'dead-letter',
  DOSSIER_CODE_AGENCY_MISMATCH: 'dead-letter',
  // The hub's clock catches up with a sender's that runs a few minutes ahead.
  TIME_IN_FUTURE: 'retry',
  TIME_OUT_OF_ORDER: 'dead-letter',
  NOTICE_STATUS_MISMATCH: 'dead-letter',
  NOTICE_NUMBER_TAKEN: 'dead-letter',
  EXTENSION_ALREADY_USED: 'dead-letter',
  EXTENSION_NOT_LATER: 'dead-letter',
  SUPPLEMENT_NOT_REQUESTED: 'dead-letter',
  // Read models fed by the catalogue's topics: the event that fixes them may not have arrived yet.
  PROCEDURE_NOT_YET_KNOWN: 'retry',
  PROCEDURE_NOT_IN_FORCE: 'retry',
  PROCEDURE_NOT_AVAILABLE: 'retry',
  AGENCY_NOT_IMPLEMENTING_PROCEDURE: 'retry',
  CHANNEL_NOT_OFFERED: 'retry',
  LOCAL_STATUS_UNMAPPED: 'retry',
  AGENCY_SCOPE_VIOLATION: 'dead-letter',
  // The dossier's own first event may not have been applied yet.
  DOSSIER_NOT_FOUND: 'retry',
};

import type { AppError } from '@hub/platform';
import { formatInZone } from '../shared/dates';
import type { ProcedureEntity, ProcedureStatus } from './procedure.entity';
import { ProcedureErrors, type ProcedureErrorCode } from './procedure.errors';

/**
 * What can be done to a procedure in each status: DRAFT (never published) → PUBLISHED → WITHDRAWN (final).
 * - `put-draft`: write the draft of the next version;
 * - `publish-draft`: publish the draft as a new version (needs a draft);
 * - `publish-version`: publish given content as a new version (imports: no draft involved);
 * - `withdraw`: abolish the procedure (needs a published version).
 */
export type ProcedureAction = 'put-draft' | 'publish-draft' | 'publish-version' | 'withdraw';

/** The transition table: actions each status allows. Anything else is refused with the status' reason. */
export const PROCEDURE_LIFECYCLE: Readonly<Record<ProcedureStatus, readonly ProcedureAction[]>> = {
  DRAFT: ['put-draft', 'publish-draft', 'publish-version'],
  PUBLISHED: ['put-draft', 'publish-draft', 'publish-version', 'withdraw'],
  WITHDRAWN: [],
};

type LifecycleView = Pick<ProcedureEntity, 'code' | 'status' | 'draft' | 'withdrawnAt' | 'updatedAt'>;

/** Why the action is refused, or undefined when it is allowed. Pure: reads only the procedure. */
export function lifecycleRefusal(procedure: LifecycleView, action: ProcedureAction): AppError<ProcedureErrorCode> | undefined {
  if (!PROCEDURE_LIFECYCLE[procedure.status].includes(action)) {
    if (procedure.status === 'WITHDRAWN') return ProcedureErrors.withdrawn(procedure.code, formatInZone(procedure.withdrawnAt ?? procedure.updatedAt));
    return ProcedureErrors.notPublished(procedure.code);
  }
  if (action === 'publish-draft' && !procedure.draft) return ProcedureErrors.noDraft(procedure.code);
  return undefined;
}

/** Throws the refusal of `lifecycleRefusal`; use cases call it right after loading the procedure. */
export function assertLifecycleAllows(procedure: LifecycleView, action: ProcedureAction): void {
  const refusal = lifecycleRefusal(procedure, action);
  if (refusal) throw refusal;
}

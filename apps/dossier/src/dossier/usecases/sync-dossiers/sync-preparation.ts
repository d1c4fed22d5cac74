import type { WorkingCalendar } from '@hub/calendar';
import type { DossierStatus } from '@hub/contracts';
import { isInAgencyScope, validatePayload, type CallerIdentity } from '@hub/platform';
import { versionInForce, type ProcedureHistory } from '../../../procedure-read-model/procedure-version.repository';
import type { StatusTranslator } from '../../../status-mapping-read-model/status-mapping-read-model';
import type { SyncCommand } from '../../domain/decide';
import type { HubOrdered } from '../../domain/hub-ordered';
import { DossierErrors, type DossierError } from '../../dossier.errors';
import type { SupplementLine } from '../../supplements';
import { contentHashOf, contentOf, noticesOf, supplementsOf } from './sync-record.parser';
import { SyncRecordDto } from './sync-record.dto';

/** A record that passed every check that needs no dossier state, ready for `decide`. */
export interface PreparedRecord {
  index: number;
  command: SyncCommand;
  lookupKey: string | null;
  calendar: WorkingCalendar | null;
  /** Set when the record left out `version` or `statusChangedAt` (resolved against the stored state). */
  hubOrdered: HubOrdered | null;
  /** Supplements the record reports (merged into the decided state: supplements.ts). */
  supplements: SupplementLine[];
}
export interface RejectedRecord {
  index: number;
  code: string | null;
  error: DossierError;
}

export interface ReferenceData {
  procedures: Map<string, ProcedureHistory>;
  translate: StatusTranslator;
  calendars: Map<string, WorkingCalendar | null>;
}

/** Shape and scope of one record, before any reference data is read. */
export function validateRecord(raw: unknown, index: number, caller: CallerIdentity): { index: number; record: SyncRecordDto } | RejectedRecord {
  const code = typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'string' ? (raw as { code: string }).code : null;
  const validation = validatePayload(SyncRecordDto, raw);
  if (!validation.ok) return { index, code, error: DossierErrors.invalidRecord(validation.errors) };
  const record = validation.value;
  if ((record.status === undefined) === (record.localStatus === undefined)) return { index, code, error: DossierErrors.statusMissing() };
  if (!isInAgencyScope(caller, record.receivingAgencyCode)) return { index, code, error: DossierErrors.agencyScopeViolation(record.receivingAgencyCode) };
  return { index, record };
}

/** National status, procedure version in force at receipt and the calendar: everything `decide` needs but state. */
export function prepareRecord(index: number, record: SyncRecordDto, caller: CallerIdentity, refs: ReferenceData): PreparedRecord | RejectedRecord {
  const reject = (error: DossierError): RejectedRecord => ({ index, code: record.code, error });
  const status = record.status ?? refs.translate([record.receivingAgencyCode, ...caller.agencyCodes], record.localStatus as string);
  if (status === null) return reject(DossierErrors.localStatusUnmapped(record.localStatus as string));
  const history = refs.procedures.get(record.procedureCode);
  if (!history) return reject(DossierErrors.procedureNotYetKnown(record.procedureCode));
  const receivedAt = new Date(record.receivedAt);
  const version = versionInForce(history, receivedAt);
  if (!version) return reject(DossierErrors.procedureNotInForce(record.procedureCode, record.receivedAt));
  if (!version.implementingAgencyCodes.includes(record.receivingAgencyCode)) return reject(DossierErrors.agencyNotImplementing(record.procedureCode, record.receivingAgencyCode));
  const terms = version.channels.find((c) => c.channel === record.channel);
  if (!terms) return reject(DossierErrors.channelNotOffered(record.procedureCode, record.channel));
  return {
    index,
    lookupKey: record.lookupKey ?? null,
    supplements: supplementsOf(record),
    hubOrdered: record.version === undefined || record.statusChangedAt === undefined ? { version: record.version === undefined, statusChangedAt: record.statusChangedAt === undefined } : null,
    calendar: refs.calendars.get(record.receivingAgencyCode) ?? null,
    command: {
      kind: 'sync',
      code: record.code,
      version: record.version ?? 0,
      contentHash: contentHashOf(record),
      content: contentOf(record, status as DossierStatus),
      notices: noticesOf(record),
      procedure: { code: version.code, version: version.version, timeLimit: terms.timeLimit },
    },
  };
}

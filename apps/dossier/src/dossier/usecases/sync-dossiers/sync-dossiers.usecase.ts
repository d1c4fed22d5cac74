import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { Clock, isInAgencyScope, type CallerIdentity, type CommandOrigin } from '@hub/platform';
import { CalendarReadModel } from '../../../calendar-read-model/calendar-read-model';
import { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import { StatusMappingReadModel } from '../../../status-mapping-read-model/status-mapping-read-model';
import { decide, type Decision } from '../../domain/decide';
import type { DossierEvent } from '../../domain/events';
import { resolveHubOrdered } from '../../domain/hub-ordered';
import { DossierErrors, dossierError } from '../../dossier.errors';
import { recordProblem } from './record-problem';
import { DossierEventsWriter } from '../../dossier-events.writer';
import { DossierStateStore, type DossierWrite, type StoredDossier } from '../../dossier-state.store';
import { LookupKeys, newLookupKey } from '../../lookup-key';
import { mergeSupplements } from '../../supplements';
import { MAX_SYNC_BATCH, type SyncDossiersCommand, type SyncDossiersResponse, type SyncResultDto } from './sync-dossiers.command';
import { prepareRecord, validateRecord, type PreparedRecord, type ReferenceData, type RejectedRecord } from './sync-preparation';

type Validated = Exclude<ReturnType<typeof validateRecord>, RejectedRecord>;

interface Applied {
  results: Map<number, SyncResultDto>;
  writes: Map<string, DossierWrite>;
  events: DossierEvent[];
}

/**
 * `POST /v1/dossiers:sync`: 1..1000 records, each judged alone, answered in order. Checks of shape and scope run
 * first; then one transaction locks every code of the batch and loads the states while the records are checked
 * against reference data, decides each record in order (a code sent twice sees its own earlier record), and writes
 * all changes and events set-wise.
 */
@Injectable()
export class SyncDossiersUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: DossierStateStore,
    private readonly procedures: ProcedureVersionRepository,
    private readonly mappings: StatusMappingReadModel,
    private readonly calendars: CalendarReadModel,
    private readonly events: DossierEventsWriter,
    private readonly clock: Clock,
    private readonly lookupKeys: LookupKeys,
  ) {}

  async execute({ caller, trace, ...command }: SyncDossiersCommand): Promise<SyncDossiersResponse> {
    if (command.records.length < 1 || command.records.length > MAX_SYNC_BATCH) throw DossierErrors.batchTooLarge(command.records.length, MAX_SYNC_BATCH);
    const validated = command.records.map((raw, index) => validateRecord(raw, index, caller));
    const valid = validated.filter((v): v is Validated => 'record' in v);
    const rejected = new Map(validated.filter((v): v is RejectedRecord => 'error' in v).map((v) => [v.index, v]));
    const results = valid.length === 0 ? new Map<number, SyncResultDto>() : await this.decideAndSave(valid, rejected, await this.referenceData(valid, caller), { caller, trace });
    return {
      results: command.records.map((_, index) => {
        const failure = rejected.get(index);
        return failure ? rejectedResult(failure.code, failure) : (results.get(index) as SyncResultDto);
      }),
    };
  }

  private async referenceData(valid: Validated[], caller: CallerIdentity): Promise<ReferenceData> {
    const agencies = valid.map((v) => v.record.receivingAgencyCode);
    const [procedures, translate, calendars] = await Promise.all([
      this.procedures.historiesOf(valid.map((v) => v.record.procedureCode)),
      this.mappings.translatorFor([...agencies, ...caller.agencyCodes]),
      this.calendars.calendarsFor(agencies),
    ]);
    return { procedures, translate, calendars };
  }

  /**
   * One transaction: the codes of the valid records are locked and their stored states read while the records are
   * prepared (`prepareRecord`: the checks against reference data and the content hash), then each record is decided in
   * order, and the rows and events are written, the events built while PostgreSQL writes the rows. Records rejected in
   * preparation are added to `rejected`.
   */
  private decideAndSave(valid: Validated[], rejected: Map<number, RejectedRecord>, refs: ReferenceData, { caller, trace }: CommandOrigin): Promise<Map<number, SyncResultDto>> {
    return this.transactions.run(async (tx) => {
      const loading = this.store.lockAndLoad(tx, valid.map((v) => v.record.code));
      const prepared: PreparedRecord[] = [];
      for (const v of valid) {
        const outcome = prepareRecord(v.index, v.record, caller, refs);
        if ('command' in outcome) prepared.push(outcome);
        else rejected.set(outcome.index, outcome);
      }
      const loaded = await loading;
      const now = this.clock.now();
      const applied: Applied = { results: new Map(), writes: new Map(), events: [] };
      for (const record of prepared) {
        const current = applied.writes.get(record.command.code)?.after ?? loaded.get(record.command.code) ?? null;
        applied.results.set(record.index, this.applyOne(record, current, caller, now, applied));
      }
      await Promise.all([this.store.save(tx, [...applied.writes.values()]), this.events.append(tx, applied.events, trace)]);
      return applied.results;
    });
  }

  private applyOne(record: PreparedRecord, current: StoredDossier | null, caller: CallerIdentity, now: Date, applied: Applied): SyncResultDto {
    const code = record.command.code;
    // Another agency's dossier answers exactly like any out-of-scope record, whether or not the code exists.
    if (current && !isInAgencyScope(caller, current.state.receivingAgencyCode)) return rejectedResult(code, { error: DossierErrors.agencyScopeViolation(record.command.content.receivingAgencyCode) });
    const command = record.hubOrdered ? resolveHubOrdered(record.command, record.hubOrdered, current?.state ?? null, now) : record.command;
    const decision = withReportedSupplements(decide(current?.state ?? null, command, { calendar: record.calendar, now }), record.supplements, now);
    if (decision.outcome === 'rejected') return { ...resultOf(code, current), outcome: 'rejected', problem: recordProblem(dossierError(decision.rejection)) };
    if (decision.outcome === 'stale' || decision.outcome === 'unchanged') return { ...resultOf(code, current), outcome: decision.outcome };
    const issuedKey = !current && !record.lookupKey ? newLookupKey() : null;
    const key = record.lookupKey ?? issuedKey;
    const identity = current
      ? { ...current.identity, updatedAt: now, ...(record.lookupKey ? { lookupKeyHash: this.lookupKeys.hash(code, record.lookupKey) } : {}) }
      : { submittedBy: caller.clientId, submittedAt: now, updatedAt: now, lookupKeyHash: this.lookupKeys.hash(code, key as string) };
    const after: StoredDossier = { state: decision.state, identity };
    const before = applied.writes.get(code)?.before ?? current?.state ?? null;
    applied.writes.set(code, { before, after });
    applied.events.push(...decision.events);
    return { ...resultOf(code, after), outcome: decision.outcome, ...(issuedKey ? { lookupKey: issuedKey } : {}) };
  }
}

/** A created or updated dossier with the supplements its record reports (supplements.ts); anything else as decided. */
function withReportedSupplements(decision: Decision, reported: PreparedRecord['supplements'], now: Date): Decision {
  if (reported.length === 0 || (decision.outcome !== 'created' && decision.outcome !== 'updated')) return decision;
  const merged = mergeSupplements(decision.state, reported, now);
  return Array.isArray(merged) ? { ...decision, state: { ...decision.state, supplements: merged } } : { outcome: 'rejected', rejection: merged };
}

function resultOf(code: string, stored: StoredDossier | null): Omit<SyncResultDto, 'outcome'> {
  const state = stored?.state;
  return { code, version: state?.version ?? null, status: state?.status ?? null, dueAt: state?.dueAt ? formatInZone(state.dueAt) : null };
}

function rejectedResult(code: string | null, failure: Pick<RejectedRecord, 'error'>): SyncResultDto {
  return { code, outcome: 'rejected', version: null, status: null, dueAt: null, problem: recordProblem(failure.error) };
}

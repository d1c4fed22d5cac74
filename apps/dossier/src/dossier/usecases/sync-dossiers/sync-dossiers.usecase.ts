import { Injectable } from '@nestjs/common';
import { formatInZone } from '@hub/calendar';
import { TransactionRunner } from '@hub/persistence';
import { Clock, isInAgencyScope, type CallerIdentity, type CommandOrigin } from '@hub/platform';
import type { EntityManager } from 'typeorm';
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
import { prepareRecord, validateRecord, type PreparedRecord, type RejectedRecord } from './sync-preparation';

interface Applied {
  results: Map<number, SyncResultDto>;
  writes: Map<string, DossierWrite>;
  events: DossierEvent[];
}

/**
 * `POST /v1/dossiers:sync`: 1..1000 records, each judged alone, answered in order. Checks that need no state run
 * first; then one transaction locks every code of the batch, loads the states, decides each record in order (a code
 * sent twice sees its own earlier record), and writes all changes and events set-wise.
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
    const { prepared, rejected } = await this.prepare(command.records, caller);
    const applied = prepared.length === 0 ? { results: new Map<number, SyncResultDto>(), writes: new Map(), events: [] } : await this.transactions.run((tx) => this.apply(tx, prepared, { caller, trace }));
    const results = command.records.map((_, index) => {
      const failure = rejected.get(index);
      if (failure) return rejectedResult(failure.code, failure);
      return applied.results.get(index) as SyncResultDto;
    });
    return { results };
  }

  private async prepare(records: unknown[], caller: CallerIdentity): Promise<{ prepared: PreparedRecord[]; rejected: Map<number, RejectedRecord> }> {
    const validated = records.map((raw, index) => validateRecord(raw, index, caller));
    const valid = validated.filter((v): v is Exclude<typeof v, RejectedRecord> => 'record' in v);
    const agencies = valid.map((v) => v.record.receivingAgencyCode);
    const [procedures, translate, calendars] = await Promise.all([
      this.procedures.historiesOf(valid.map((v) => v.record.procedureCode)),
      this.mappings.translatorFor([...agencies, ...caller.agencyCodes]),
      this.calendars.calendarsFor(agencies),
    ]);
    const outcomes = validated.map((v) => ('record' in v ? prepareRecord(v.index, v.record, caller, { procedures, translate, calendars }) : v));
    return {
      prepared: outcomes.filter((o): o is PreparedRecord => 'command' in o),
      rejected: new Map(outcomes.filter((o): o is RejectedRecord => 'error' in o).map((o) => [o.index, o])),
    };
  }

  private async apply(tx: EntityManager, prepared: PreparedRecord[], { caller, trace }: CommandOrigin): Promise<Applied> {
    const codes = prepared.map((p) => p.command.code);
    await this.store.lock(tx, codes);
    const loaded = await this.store.load(tx, codes);
    const now = this.clock.now();
    const applied: Applied = { results: new Map(), writes: new Map(), events: [] };
    for (const record of prepared) {
      const current = applied.writes.get(record.command.code)?.after ?? loaded.get(record.command.code) ?? null;
      applied.results.set(record.index, this.applyOne(record, current, caller, now, applied));
    }
    await this.store.save(tx, [...applied.writes.values()]);
    await this.events.append(tx, applied.events, trace);
    return applied;
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

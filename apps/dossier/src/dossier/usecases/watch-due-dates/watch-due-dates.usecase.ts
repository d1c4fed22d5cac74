import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { newTrace } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../../../calendar-read-model/calendar-read-model';
import type { DossierEvent } from '../../domain/events';
import { watchDue } from '../../domain/watch';
import { DossierEventsWriter } from '../../dossier-events.writer';
import { DossierStateStore, type DossierWrite } from '../../dossier-state.store';

/** One replica at a time runs a pass (transaction-scoped, so a crashed replica releases it). */
const WATCH_LOCK_KEY = 7_106_001;
/** Candidates per pass; the next pass takes the rest. */
const BATCH = 500;
/** A running dossier is looked at from this long before its due date (one working day can span a long holiday). */
const HORIZON_DAYS = 14;

/**
 * The overdue watch: running dossiers near or past their due date are flagged DUE_SOON / OVERDUE once each, with
 * their events, in one transaction per pass. Safe with several replicas: a pass holds a global advisory lock, and
 * each dossier is locked like a sync locks it and judged on its reloaded state, so a flag is never raised twice.
 */
@Injectable()
export class WatchDueDatesUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: DossierStateStore,
    private readonly calendars: CalendarReadModel,
    private readonly events: DossierEventsWriter,
  ) {}

  /** Returns the number of dossiers flagged (0 when another replica holds the pass). The pass is one trace. */
  execute(now: Date): Promise<number> {
    const trace = newTrace();
    return this.transactions.run(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [WATCH_LOCK_KEY]);
      if (!locked) return 0;
      const codes = await this.candidates(tx, now);
      if (codes.length === 0) return 0;
      const loaded = await this.store.lockAndLoad(tx, codes);
      const calendars = await this.calendars.calendarsFor([...loaded.values()].map((d) => d.state.receivingAgencyCode), tx);
      const writes: DossierWrite[] = [];
      const events: DossierEvent[] = [];
      for (const stored of loaded.values()) {
        const calendar = calendars.get(stored.state.receivingAgencyCode);
        const flagged = calendar ? watchDue(stored.state, now, calendar) : null;
        if (!flagged) continue;
        writes.push({ before: stored.state, after: { state: flagged.state, identity: { ...stored.identity, updatedAt: now } } });
        events.push(...flagged.events);
      }
      await Promise.all([this.store.save(tx, writes), this.events.append(tx, events, trace)]);
      return writes.length;
    });
  }

  private async candidates(tx: EntityManager, now: Date): Promise<string[]> {
    const rows: Array<{ code: string }> = await tx.query(
      `SELECT code FROM dossier
        WHERE due_at IS NOT NULL AND status IN (2, 4) AND due_state IS DISTINCT FROM 'OVERDUE'
          AND due_at <= $1::timestamptz + make_interval(days => $2)
          AND (due_state IS NULL OR due_at < $1::timestamptz)
        ORDER BY due_at LIMIT $3`,
      [now, HORIZON_DAYS, BATCH],
    );
    return rows.map((r) => r.code);
  }
}

import { Injectable } from '@nestjs/common';
import { NATIONAL_SCOPE } from '@hub/calendar';
import { Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../../../calendar-read-model/calendar-read-model';
import { decide } from '../../domain/decide';
import { RUNNING_STATUSES } from '../../domain/status-machine';
import { DossierStateStore, type DossierWrite } from '../../dossier-state.store';

/** Dossiers recomputed per chunk; the consumer's transaction holds them all. */
const CHUNK = 500;

/** A calendar year that changed: the national calendar, or one agency's closures. */
export interface RecomputeDueDatesCommand {
  scope: string;
  year: number;
}

/**
 * Every dossier whose due date may change, on the same lock as a sync: those that waited for a calendar
 * (CALENDAR_MISSING, whatever their status, so a finished one gets its timeliness), and the running ones (2, 4, 5, 6)
 * whose clock spans the year: received before it ends, due on or after it starts (a due date before the year was
 * counted on earlier days only). Scope: every agency for the national calendar, else that agency. A finished dossier
 * keeps the due date and timeliness it was judged on.
 */
const AFFECTED = `
  SELECT code FROM dossier
   WHERE ($1::text IS NULL OR receiving_agency_code = $1)
     AND (due_date_state = 'CALENDAR_MISSING'
          OR (due_date_state = 'SET' AND status = ANY($2::smallint[])
              AND received_at < make_timestamptz($3 + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
              AND due_at >= make_timestamptz($3, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')))
   ORDER BY code`;

/**
 * A calendar year arrived or changed: the due dates it may move are computed again by the pure clock, inside the
 * consumer's transaction (all or nothing, redelivery-safe). A moved due date clears the overdue watch's flag (the
 * watch flags the new date once) and bumps `updated_at`, so agency systems listing `updatedSince` see it.
 */
@Injectable()
export class RecomputeDueDatesUseCase {
  constructor(
    private readonly store: DossierStateStore,
    private readonly calendars: CalendarReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, command: RecomputeDueDatesCommand): Promise<number> {
    const scope = command.scope === NATIONAL_SCOPE ? null : command.scope;
    const rows: Array<{ code: string }> = await tx.query(AFFECTED, [scope, RUNNING_STATUSES, command.year]);
    const now = this.clock.now();
    let changed = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const codes = rows.slice(i, i + CHUNK).map((r) => r.code);
      const loaded = await this.store.lockAndLoad(tx, codes);
      const calendars = await this.calendars.calendarsFor([...loaded.values()].map((d) => d.state.receivingAgencyCode), tx);
      const writes: DossierWrite[] = [];
      for (const stored of loaded.values()) {
        const decision = decide(stored.state, { kind: 'recompute-clock' }, { calendar: calendars.get(stored.state.receivingAgencyCode) ?? null, now });
        if (decision.outcome === 'updated') writes.push({ before: stored.state, after: { state: decision.state, identity: { ...stored.identity, updatedAt: now } } });
      }
      await this.store.save(tx, writes);
      changed += writes.length;
    }
    return changed;
  }
}

import { Injectable } from '@nestjs/common';
import { NATIONAL_SCOPE } from '@hub/calendar';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../../../calendar-read-model/calendar-read-model';
import { decide } from '../../domain/decide';
import { DossierStateStore, type DossierWrite } from '../../dossier-state.store';

/** Dossiers recomputed per chunk; the consumer's transaction holds them all. */
const CHUNK = 500;

/**
 * A calendar year arrived: every dossier whose due date waited for a calendar (CALENDAR_MISSING) of that scope is
 * computed again, inside the consumer's transaction (all or nothing, redelivery-safe).
 */
@Injectable()
export class RecomputeDueDatesUseCase {
  constructor(
    private readonly store: DossierStateStore,
    private readonly calendars: CalendarReadModel,
  ) {}

  async execute(tx: EntityManager, scope: string): Promise<number> {
    const rows: Array<{ code: string }> = await tx.query(
      `SELECT code FROM dossier WHERE due_date_state = 'CALENDAR_MISSING' AND ($1::text IS NULL OR receiving_agency_code = $1) ORDER BY code`,
      [scope === NATIONAL_SCOPE ? null : scope],
    );
    let changed = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const codes = rows.slice(i, i + CHUNK).map((r) => r.code);
      await this.store.lock(tx, codes);
      const loaded = await this.store.load(tx, codes);
      const calendars = await this.calendars.calendarsFor([...loaded.values()].map((d) => d.state.receivingAgencyCode), tx);
      const writes: DossierWrite[] = [];
      for (const stored of loaded.values()) {
        const decision = decide(stored.state, { kind: 'recompute-clock' }, { calendar: calendars.get(stored.state.receivingAgencyCode) ?? null, now: new Date() });
        if (decision.outcome === 'updated') writes.push({ before: stored.state, after: { state: decision.state, identity: stored.identity } });
      }
      await this.store.save(tx, writes);
      changed += writes.length;
    }
    return changed;
  }
}

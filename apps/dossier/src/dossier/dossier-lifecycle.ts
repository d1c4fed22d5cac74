import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { Clock, requireVisible, type CommandOrigin } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../calendar-read-model/calendar-read-model';
import { decide, type DossierCommand } from './domain/decide';
import type { DossierState } from './domain/dossier-state';
import { DossierErrors, dossierError } from './dossier.errors';
import { DossierEventsWriter } from './dossier-events.writer';
import { DossierStateStore } from './dossier-state.store';

/**
 * Load, decide, save, append — for the commands on one dossier (notices, withdrawal, supplements). The dossier is
 * locked like a sync locks it, so the portal and the agency never overwrite each other.
 */
@Injectable()
export class DossierLifecycle {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: DossierStateStore,
    private readonly calendars: CalendarReadModel,
    private readonly events: DossierEventsWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * `hooks.loaded` sees the state before the command (e.g. to tell what changed); `hooks.onSaved` runs in the same
   * transaction after a change was saved (the agency feed records withdrawals and supplements there).
   */
  run(
    code: string,
    { caller, trace }: CommandOrigin,
    command: (now: Date) => DossierCommand,
    hooks: { loaded?: (before: DossierState) => void; onSaved?: (tx: EntityManager, state: DossierState, now: Date) => Promise<unknown> } = {},
  ): Promise<DossierState> {
    return this.transactions.run(async (tx) => {
      const stored = requireVisible(caller, (await this.store.lockAndLoad(tx, [code])).get(code), (d) => d.state.receivingAgencyCode, () => DossierErrors.notFound(code));
      hooks.loaded?.(stored.state);
      const agency = stored.state.receivingAgencyCode;
      const calendar = (await this.calendars.calendarsFor([agency], tx)).get(agency) ?? null;
      const now = this.clock.now();
      const decision = decide(stored.state, command(now), { calendar, now });
      if (decision.outcome === 'rejected') throw dossierError(decision.rejection);
      if (decision.outcome !== 'updated') return decision.state;
      await Promise.all([
        this.store.save(tx, [{ before: stored.state, after: { state: decision.state, identity: { ...stored.identity, updatedAt: now } } }]),
        this.events.append(tx, decision.events, trace),
      ]);
      await hooks.onSaved?.(tx, decision.state, now);
      return decision.state;
    });
  }
}

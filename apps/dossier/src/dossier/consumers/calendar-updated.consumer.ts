import { Injectable } from '@nestjs/common';
import { CalendarUpdated, type CalendarUpdatedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../../calendar-read-model/calendar-read-model';
import { RecomputeDueDatesUseCase } from '../usecases/recompute-due-dates/recompute-due-dates.usecase';

/**
 * Keeps the calendar read model; when a year (national, or an agency's closures) is new or newer, the due dates it
 * may move are computed again: those that waited for it, and those of running dossiers whose clock spans it.
 */
@Injectable()
export class CalendarUpdatedConsumer {
  constructor(
    private readonly calendars: CalendarReadModel,
    private readonly recompute: RecomputeDueDatesUseCase,
  ) {}

  @ConsumeEvent(CalendarUpdated)
  async handle(event: ConsumedEvent<CalendarUpdatedV1>, tx: EntityManager): Promise<void> {
    if (await this.calendars.apply(tx, event.payload)) await this.recompute.execute(tx, { scope: event.payload.scope, year: event.payload.year });
  }
}

import { Injectable } from '@nestjs/common';
import { CalendarUpdated, type CalendarUpdatedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { CalendarReadModel } from '../../calendar-read-model/calendar-read-model';
import { RecomputeDueDatesUseCase } from '../usecases/recompute-due-dates/recompute-due-dates.usecase';

/** Keeps the calendar read model and fills the due dates that waited for the year that just arrived. */
@Injectable()
export class CalendarUpdatedConsumer {
  constructor(
    private readonly calendars: CalendarReadModel,
    private readonly recompute: RecomputeDueDatesUseCase,
  ) {}

  @ConsumeEvent(CalendarUpdated)
  async handle(event: ConsumedEvent<CalendarUpdatedV1>, tx: EntityManager): Promise<void> {
    if (await this.calendars.apply(tx, event.payload)) await this.recompute.execute(tx, event.payload.scope);
  }
}

import type { CalendarUpdatedV1 } from '@hub/contracts';
import type { CalendarYearEntity } from './calendar.entity';

/** The full snapshot of one calendar year published on catalogue.calendar.updated.v1. */
export function calendarSnapshot(c: CalendarYearEntity): CalendarUpdatedV1 {
  return {
    scope: c.scope,
    year: c.year,
    holidays: c.holidays,
    workingDays: c.workingDays,
    settings: c.settings,
    sample: c.sample,
    revision: c.revision,
  };
}

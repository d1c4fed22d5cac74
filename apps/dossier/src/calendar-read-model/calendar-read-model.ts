import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CalendarInvalidError, NATIONAL_SCOPE, WorkingCalendar, type CalendarYear } from '@hub/calendar';
import type { CalendarUpdatedV1 } from '@hub/contracts';
import { SnapshotConflictError } from '@hub/messaging';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CalendarYearEntity } from './calendar-year.entity';

/** The working calendars the dossier service computes due dates on; it never calls the catalogue. */
@Injectable()
export class CalendarReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keeps the highest revision of each year; a replayed or older snapshot changes nothing. Returns whether it applied. */
  async apply(tx: EntityManager, year: CalendarUpdatedV1): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO calendar_year (scope, year, holidays, working_days, settings, revision) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, year) DO UPDATE SET holidays = EXCLUDED.holidays, working_days = EXCLUDED.working_days,
         settings = EXCLUDED.settings, revision = EXCLUDED.revision
       WHERE calendar_year.revision < EXCLUDED.revision
       RETURNING scope`,
      [year.scope, year.year, year.holidays, year.workingDays, JSON.stringify(year.settings), year.revision],
    );
    if (rows.length > 0) return true;
    // The same revision with other content is a conflict (dead-lettered), never silently ignored.
    const conflicting: unknown[] = await tx.query(
      `SELECT 1 FROM calendar_year WHERE scope = $1 AND year = $2 AND revision = $3
         AND (holidays IS DISTINCT FROM $4 OR working_days IS DISTINCT FROM $5 OR settings::jsonb IS DISTINCT FROM $6::jsonb)`,
      [year.scope, year.year, year.revision, year.holidays, year.workingDays, JSON.stringify(year.settings)],
    );
    if (conflicting.length > 0) throw new SnapshotConflictError('calendar', `${year.scope}/${year.year}`, year.revision);
    return false;
  }

  /**
   * The calendar of each agency: every national year known plus the agency's closures. Null for an agency when no
   * national year is known at all (or the stored data does not compose): its due dates wait for the calendar.
   */
  async calendarsFor(agencyCodes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, WorkingCalendar | null>> {
    const rows = await manager.find(CalendarYearEntity, { where: { scope: In([NATIONAL_SCOPE, ...new Set(agencyCodes)]) } });
    const toYear = (r: CalendarYearEntity): CalendarYear => ({ scope: r.scope, year: r.year, holidays: r.holidays, workingDays: r.workingDays, settings: r.settings });
    const national = rows.filter((r) => r.scope === NATIONAL_SCOPE).map(toYear);
    const result = new Map<string, WorkingCalendar | null>();
    for (const agency of new Set(agencyCodes)) {
      result.set(agency, national.length === 0 ? null : compose(national, rows.filter((r) => r.scope === agency).map(toYear)));
    }
    return result;
  }
}

function compose(national: CalendarYear[], agency: CalendarYear[]): WorkingCalendar | null {
  try {
    return WorkingCalendar.compose(national, agency);
  } catch (error) {
    if (error instanceof CalendarInvalidError) return null;
    throw error;
  }
}

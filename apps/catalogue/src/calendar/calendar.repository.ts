import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NATIONAL_SCOPE, type CalendarYear } from '@hub/calendar';
import type { DataSource, EntityManager } from 'typeorm';
import { CalendarYearEntity } from './calendar.entity';

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lock(tx: EntityManager, scope: string, year: number): Promise<void> {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('calendar:' || $1 || '/' || $2))", [scope, String(year)]);
  }

  find(scope: string, year: number, tx: EntityManager = this.dataSource.manager): Promise<CalendarYearEntity | null> {
    return tx.findOneBy(CalendarYearEntity, { scope, year });
  }

  save(tx: EntityManager, entity: CalendarYearEntity): Promise<CalendarYearEntity> {
    return tx.save(CalendarYearEntity, entity);
  }

  /** Every year of a layer, as the calendar library takes it. */
  async layer(scope: string, tx: EntityManager = this.dataSource.manager): Promise<CalendarYear[]> {
    const rows = await tx.find(CalendarYearEntity, { where: { scope }, order: { year: 'ASC' } });
    return rows.map(toCalendarYear);
  }

  national(tx?: EntityManager): Promise<CalendarYear[]> {
    return this.layer(NATIONAL_SCOPE, tx);
  }
}

export function toCalendarYear(e: CalendarYearEntity): CalendarYear {
  const year: CalendarYear = { scope: e.scope, year: e.year, holidays: [...e.holidays], workingDays: [...e.workingDays] };
  if (Object.keys(e.settings).length > 0) year.settings = { ...e.settings };
  return year;
}

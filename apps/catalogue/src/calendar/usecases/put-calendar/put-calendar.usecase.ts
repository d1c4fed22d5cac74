import { Injectable } from '@nestjs/common';
import { CalendarInvalidError, NATIONAL_SCOPE, WorkingCalendar, type CalendarSettings, type CalendarYear } from '@hub/calendar';
import { CalendarUpdated, canonicalJson } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import { Clock, type EventTrace, type FieldError } from '@hub/platform';
import { TransactionRunner } from '@hub/persistence';
import type { EntityManager } from 'typeorm';
import { AgencyRepository } from '../../../agency/agency.repository';
import { planUpsert, type UpsertResult } from '../../../shared/versioned-upsert';
import { CalendarYearEntity } from '../../calendar.entity';
import { calendarSnapshot } from '../../calendar.events';
import { CalendarFieldCode, CalendarErrors } from '../../calendar.errors';
import { CalendarRepository, toCalendarYear } from '../../calendar.repository';
import { CalendarView } from '../../calendar.view';
import type { PutCalendarCommand } from './put-calendar.command';

export interface PutCalendarResult {
  result: UpsertResult;
  calendar: CalendarView;
}

/**
 * Stores one year of a calendar layer after checking it with the calendar library itself (the same rules
 * the due-date computation relies on); a change bumps the revision and emits CalendarUpdated.
 */
@Injectable()
export class PutCalendarUseCase {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly agencies: AgencyRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ scope, year, trace, ...command }: PutCalendarCommand & { scope: string; year: number; trace: EventTrace }): Promise<PutCalendarResult> {
    return this.transactions.run((tx) => this.put(tx, scope, year, command, trace));
  }

  private async put(tx: EntityManager, scope: string, year: number, command: PutCalendarCommand, trace: EventTrace): Promise<PutCalendarResult> {
    if (scope !== NATIONAL_SCOPE && !(await this.agencies.findByCode(scope, tx))) throw CalendarErrors.scopeUnknown(scope);
    const settings = compactSettings(command.settings ?? {});
    const entry: CalendarYear = {
      scope,
      year,
      holidays: [...command.holidays].sort(),
      workingDays: [...(command.workingDays ?? [])].sort(),
      ...(Object.keys(settings).length > 0 ? { settings } : {}),
    };
    const national = scope === NATIONAL_SCOPE ? null : await this.calendars.find(NATIONAL_SCOPE, year, tx);
    // Checked in the order sent, so that an index in an error points into the caller's own list.
    validate({ ...entry, holidays: command.holidays, workingDays: command.workingDays ?? [] }, national ? toCalendarYear(national) : null);

    await this.calendars.lock(tx, scope, year);
    const existing = await this.calendars.find(scope, year, tx);
    const sample = command.sample ?? false;
    const plan = planUpsert(
      existing,
      (e) =>
        same(e.holidays, entry.holidays) &&
        same(e.workingDays, entry.workingDays) &&
        canonicalJson(e.settings) === canonicalJson(settings) &&
        e.sample === sample,
      'revision',
    );
    if (plan.result === 'unchanged') return { result: plan.result, calendar: CalendarView.from(plan.existing, national?.settings) };
    const now = this.clock.now();
    const saved = await this.calendars.save(tx, {
      scope,
      year,
      holidays: entry.holidays,
      workingDays: entry.workingDays,
      settings,
      sample,
      revision: plan.revision,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    } satisfies CalendarYearEntity);
    await this.outbox.append(tx, CalendarUpdated, calendarSnapshot(saved), trace);
    return { result: plan.result, calendar: CalendarView.from(saved, national?.settings) };
  }
}

/** Settings in a fixed key order without absent members, so equal settings compare equal as JSON. */
function compactSettings(s: Partial<CalendarSettings>): Partial<CalendarSettings> {
  const out: Partial<CalendarSettings> = {};
  if (s.timeZone !== undefined) out.timeZone = s.timeZone;
  if (s.cutoffTime !== undefined) out.cutoffTime = s.cutoffTime;
  if (s.closingTime !== undefined) out.closingTime = s.closingTime;
  if (s.workingPeriods !== undefined) out.workingPeriods = s.workingPeriods.map(([a, b]) => [a, b]);
  return out;
}

function validate(entry: CalendarYear, national: CalendarYear | null): void {
  try {
    if (entry.scope === NATIONAL_SCOPE) WorkingCalendar.compose([entry]);
    else WorkingCalendar.compose(national ? [national] : [], [entry]);
  } catch (e) {
    if (e instanceof CalendarInvalidError) throw CalendarErrors.invalid([toFieldError(e)]);
    throw e;
  }
}

/** `national/2026.holidays[3]` → `holidays.3`; `agency[0].workingDays` → `workingDays`. */
export function toFieldError(e: CalendarInvalidError): FieldError {
  const dot = e.field.indexOf('.');
  const path = dot < 0 ? '' : e.field.slice(dot + 1).replace(/\[(\d+)\]/g, '.$1');
  return { field: path, code: CalendarFieldCode.Invalid, message: e.reason };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

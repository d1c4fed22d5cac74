import { Injectable } from '@nestjs/common';
import { CalendarMissingError, formatInZone, parseIsoInstant, WorkingCalendar } from '@hub/calendar';
import { AgencyRepository } from '../../../agency/agency.repository';
import { CalendarErrors } from '../../calendar.errors';
import { CalendarRepository } from '../../calendar.repository';
import type { DueDateView } from '../../calendar.view';
import type { ComputeDueDateQuery } from './compute-due-date.query';

/**
 * Due date of a time limit for a receipt at an agency, on the national calendar plus the agency's own
 * closures, following the hub rules of DOMAIN.md (computed by @hub/calendar). A year without a national
 * calendar → 409 naming it; the hub never guesses holidays.
 */
@Injectable()
export class ComputeDueDateUseCase {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(query: ComputeDueDateQuery): Promise<DueDateView> {
    if (!(await this.agencies.findByCode(query.agency))) throw CalendarErrors.unknownAgency(query.agency);
    const [national, own] = await Promise.all([this.calendars.national(), this.calendars.layer(query.agency)]);
    const calendar = WorkingCalendar.compose(national, own);
    const receivedAt = parseIsoInstant(query.receivedAt);
    try {
      const { effectiveReceivedAt, dueAt } = calendar.dueDate(receivedAt, query.amount, query.unit);
      return {
        agency: query.agency,
        receivedAt: formatInZone(receivedAt),
        amount: query.amount,
        unit: query.unit,
        effectiveReceivedAt: formatInZone(effectiveReceivedAt),
        dueAt: formatInZone(dueAt),
      };
    } catch (e) {
      if (e instanceof CalendarMissingError) throw CalendarErrors.missing(e.scope, e.year);
      throw e;
    }
  }
}

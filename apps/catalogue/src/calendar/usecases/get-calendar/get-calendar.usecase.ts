import { Injectable } from '@nestjs/common';
import { NATIONAL_SCOPE } from '@hub/calendar';
import { CalendarErrors } from '../../calendar.errors';
import { CalendarRepository } from '../../calendar.repository';
import { CalendarView } from '../../calendar.view';

@Injectable()
export class GetCalendarUseCase {
  constructor(private readonly calendars: CalendarRepository) {}

  async execute({ scope, year }: { scope: string; year: number }): Promise<CalendarView> {
    const found = await this.calendars.find(scope, year);
    if (!found) throw CalendarErrors.notFound(scope, year);
    const national = scope === NATIONAL_SCOPE ? null : await this.calendars.find(NATIONAL_SCOPE, year);
    return CalendarView.from(found, national?.settings);
  }
}

import { Body, Controller, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NATIONAL_SCOPE } from '@hub/calendar';
import { AGENCY_CODE_FORMS, isAgencyCode } from '@hub/contracts';
import { Public, RequireRoles, validationFailed } from '@hub/platform';
import { CalendarFieldCode } from './calendar.errors';
import { CalendarView, DueDateView } from './calendar.view';
import { ComputeDueDateQuery } from './usecases/compute-due-date/compute-due-date.query';
import { ComputeDueDateUseCase } from './usecases/compute-due-date/compute-due-date.usecase';
import { GetCalendarUseCase } from './usecases/get-calendar/get-calendar.usecase';
import { PutCalendarCommand } from './usecases/put-calendar/put-calendar.command';
import { PutCalendarUseCase } from './usecases/put-calendar/put-calendar.usecase';

@ApiTags('calendars')
@Controller('v1/calendars')
export class CalendarController {
  constructor(
    private readonly putCalendar: PutCalendarUseCase,
    private readonly getCalendar: GetCalendarUseCase,
    private readonly computeDueDate: ComputeDueDateUseCase,
  ) {}

  // Declared before ':scope/:year' so that "due-date" is never read as a scope.
  @Get('due-date')
  @Public()
  @ApiOperation({ summary: 'Due date of a time limit for a receipt at an agency (409 when a calendar year is missing)' })
  @ApiOkResponse({ type: DueDateView })
  dueDate(@Query() query: ComputeDueDateQuery): Promise<DueDateView> {
    return this.computeDueDate.execute(query);
  }

  @Put(':scope/:year')
  @HttpCode(200)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Create (201) or replace (200) one year of the national calendar or of an agency’s closures' })
  @ApiCreatedResponse({ type: CalendarView })
  @ApiOkResponse({ type: CalendarView })
  async put(
    @Param('scope') scope: string,
    @Param('year') year: string,
    @Body() command: PutCalendarCommand,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalendarView> {
    const { result, calendar } = await this.putCalendar.execute(checkScope(scope), checkYear(year), command);
    void reply.status(result === 'created' ? 201 : 200);
    return calendar;
  }

  @Get(':scope/:year')
  @Public()
  @ApiOperation({ summary: 'One year of a calendar layer' })
  @ApiOkResponse({ type: CalendarView })
  get(@Param('scope') scope: string, @Param('year') year: string): Promise<CalendarView> {
    return this.getCalendar.execute(checkScope(scope), checkYear(year));
  }
}

function checkScope(scope: string): string {
  if (scope !== NATIONAL_SCOPE && !isAgencyCode(scope)) {
    const message = `"${scope.slice(0, 60)}" is neither "national" nor an agency code`;
    throw validationFailed([{ field: 'scope', code: CalendarFieldCode.InvalidScope, message }], {
      title: 'Invalid calendar scope',
      titleVi: 'Phạm vi lịch không hợp lệ',
      detail: `Scope must be "national" or an agency code (${AGENCY_CODE_FORMS.join(' or ')})`,
      detailVi: undefined,
    });
  }
  return scope;
}

function checkYear(year: string): number {
  if (!/^\d{4}$/.test(year) || Number(year) < 1976) {
    const message = `"${year.slice(0, 20)}" is not a year from 1976 to 9999`;
    throw validationFailed([{ field: 'year', code: CalendarFieldCode.InvalidYear, message }], {
      title: 'Invalid calendar year',
      titleVi: 'Năm không hợp lệ',
      detail: 'The year must be a whole number from 1976 to 9999',
      detailVi: undefined,
    });
  }
  return Number(year);
}

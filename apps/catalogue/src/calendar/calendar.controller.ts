import { Body, Controller, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, RequireRoles, Trace, type EventTrace } from '@hub/platform';
import { PathParams } from '../shared/path-params';
import { CalendarView, DueDateView } from './calendar.view';
import { ComputeDueDateQuery } from './usecases/compute-due-date/compute-due-date.query';
import { ComputeDueDateUseCase } from './usecases/compute-due-date/compute-due-date.usecase';
import { GetCalendarUseCase } from './usecases/get-calendar/get-calendar.usecase';
import { PutCalendarCommand } from './usecases/put-calendar/put-calendar.command';
import { PutCalendarUseCase } from './usecases/put-calendar/put-calendar.usecase';
import { PathExamples } from '../shared/path-examples';

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
  @PathExamples.calendarScope()
  @PathExamples.calendarYear()
  @ApiCreatedResponse({ type: CalendarView })
  @ApiOkResponse({ type: CalendarView })
  async put(
    @Param('scope', PathParams.calendarScope()) scope: string,
    @Param('year', PathParams.calendarYear()) year: string,
    @Body() command: PutCalendarCommand,
    @Trace() trace: EventTrace,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalendarView> {
    const { result, calendar } = await this.putCalendar.execute({ ...command, scope, year: Number(year), trace });
    void reply.status(result === 'created' ? 201 : 200);
    return calendar;
  }

  @Get(':scope/:year')
  @Public()
  @ApiOperation({ summary: 'One year of a calendar layer' })
  @PathExamples.calendarScope()
  @PathExamples.calendarYear()
  @ApiOkResponse({ type: CalendarView })
  get(@Param('scope', PathParams.calendarScope()) scope: string, @Param('year', PathParams.calendarYear()) year: string): Promise<CalendarView> {
    return this.getCalendar.execute({ scope, year: Number(year) });
  }
}

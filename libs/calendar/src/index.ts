/**
 * @hub/calendar — working calendar and due dates of the hub (pure, no I/O). See libs/calendar/README.md.
 */
export { CalendarArgumentError, CalendarError, CalendarInvalidError, CalendarMissingError } from './errors';
export {
  DEFAULT_CALENDAR_SETTINGS,
  TIME_LIMIT_UNITS,
  isTimeLimitUnit,
  type CalendarSettings,
  type CalendarYear,
  type CompletionClass,
  type DueDateResult,
  type PauseCoverage,
  type TimeLimitUnit,
} from './types';
export {
  MAX_CALENDAR_YEAR,
  MAX_TIME_LIMIT_AMOUNT,
  MIN_CALENDAR_YEAR,
  NATIONAL_SCOPE,
  WorkingCalendar,
  classifyCompletion,
} from './working-calendar';
export {
  TIME_ZONE,
  ZONE_OFFSET,
  formatCompact,
  formatInZone,
  isIsoInstant,
  localDateOf,
  parseCompact,
  parseIsoInstant,
  zonedInstant,
} from './zone';
export { SAMPLE_NATIONAL_CALENDARS } from './sample-calendars';

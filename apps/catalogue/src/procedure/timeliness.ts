import { CalendarMissingError, localDateOf, WorkingCalendar, zonedInstant } from '@hub/calendar';
import type { AgencyLevel } from '@hub/contracts';
import type { Timeliness } from './procedure.entity';

/** Working days to enter a procedure after its publication decision (Decree 63/2010 as amended, DOMAIN.md). */
export const ENTRY_DEADLINE_WORKING_DAYS = { ministry: 10, province: 5, fastTrack: 2 } as const;

export interface TimelinessAssessment {
  deadlineWorkingDays: number;
  /** Last day (Asia/Ho_Chi_Minh) on which entering the version is on time; null when it cannot be computed. */
  entryDeadline: string | null;
  timeliness: Timeliness;
  note: string | null;
}

/**
 * Was this version entered in time after its publication decision? Deadline: the N-th working day after the
 * decision date (N = 2 fast-track, 10 when the issuing agency belongs to a ministry, otherwise 5), on the
 * national calendar. Entered on or before that day → ON_TIME, after → LATE. Without the national calendar of
 * a year the count crosses, the answer is UNKNOWN with the missing calendar named (never a guess).
 */
export function assessTimeliness(input: {
  decisionDate: string;
  fastTrack: boolean;
  /** Level of the top of the issuing agency's hierarchy (the agency itself when it has no parent). */
  issuingTopLevel: AgencyLevel | null;
  enteredAt: Date;
  calendar: WorkingCalendar;
}): TimelinessAssessment {
  const deadlineWorkingDays = input.fastTrack
    ? ENTRY_DEADLINE_WORKING_DAYS.fastTrack
    : input.issuingTopLevel === 'MINISTRY'
      ? ENTRY_DEADLINE_WORKING_DAYS.ministry
      : ENTRY_DEADLINE_WORKING_DAYS.province;
  const entered = localDateOf(input.enteredAt);
  try {
    const deadline = localDateOf(input.calendar.addWorkingDays(zonedInstant(input.decisionDate, '12:00'), deadlineWorkingDays));
    return { deadlineWorkingDays, entryDeadline: deadline, timeliness: entered <= deadline ? 'ON_TIME' : 'LATE', note: null };
  } catch (e) {
    if (e instanceof CalendarMissingError) {
      return { deadlineWorkingDays, entryDeadline: null, timeliness: 'UNKNOWN', note: e.message };
    }
    throw e;
  }
}

import { SAMPLE_NATIONAL_CALENDARS, WorkingCalendar } from '@hub/calendar';
import { assessTimeliness } from './timeliness';

const calendar = WorkingCalendar.compose(SAMPLE_NATIONAL_CALENDARS);
const at = (iso: string) => new Date(iso);

describe('assessTimeliness', () => {
  // Decision Fri 2026-03-06; 5 working days later is Fri 2026-03-13, 10 is Fri 2026-03-20 (no holidays then).
  it('gives a province 5 working days', () => {
    const onTime = assessTimeliness({ decisionDate: '2026-03-06', fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt: at('2026-03-13T16:59:00+07:00'), calendar });
    expect(onTime).toEqual({ deadlineWorkingDays: 5, entryDeadline: '2026-03-13', timeliness: 'ON_TIME', note: null });
    const late = assessTimeliness({ decisionDate: '2026-03-06', fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt: at('2026-03-16T08:00:00+07:00'), calendar });
    expect(late.timeliness).toBe('LATE');
  });

  it('gives a ministry 10 working days and a fast-track 2', () => {
    expect(assessTimeliness({ decisionDate: '2026-03-06', fastTrack: false, issuingTopLevel: 'MINISTRY', enteredAt: at('2026-03-20T10:00:00+07:00'), calendar }))
      .toMatchObject({ deadlineWorkingDays: 10, entryDeadline: '2026-03-20', timeliness: 'ON_TIME' });
    expect(assessTimeliness({ decisionDate: '2026-03-06', fastTrack: true, issuingTopLevel: 'MINISTRY', enteredAt: at('2026-03-11T10:00:00+07:00'), calendar }))
      .toMatchObject({ deadlineWorkingDays: 2, entryDeadline: '2026-03-10', timeliness: 'LATE' });
  });

  it('skips holidays: a decision before Tết 2026 has its deadline after the break', () => {
    // Fri 2026-02-13 + 5 working days, Mon 16 – Fri 20 February off (sample calendar) → Fri 2026-02-27.
    expect(assessTimeliness({ decisionDate: '2026-02-13', fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt: at('2026-02-27T10:00:00+07:00'), calendar }))
      .toMatchObject({ entryDeadline: '2026-02-27', timeliness: 'ON_TIME' });
  });

  it('uses the Vietnamese date of the entry, not UTC', () => {
    // 2026-03-13T17:30Z is 00:30 on the 14th in Hà Nội: one day late.
    expect(assessTimeliness({ decisionDate: '2026-03-06', fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt: at('2026-03-13T17:30:00Z'), calendar }).timeliness).toBe('LATE');
  });

  it('is UNKNOWN, naming the calendar, when a year is not loaded', () => {
    expect(assessTimeliness({ decisionDate: '2024-12-30', fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt: at('2025-01-02T10:00:00+07:00'), calendar }))
      .toEqual({ deadlineWorkingDays: 5, entryDeadline: null, timeliness: 'UNKNOWN', note: 'calendar national/2024 missing' });
  });
});

/**
 * SAMPLE national calendars for 2025, 2026 and 2027.
 *
 * ⚠ These are SAMPLE DATA for development, tests and demos. They are NOT authoritative: in production the
 * national calendar is data maintained in the catalogue by Government Office operators and must be replaced
 * by the dates officially announced each year (Labour Code 2019 Art. 112 plus the yearly notices of the
 * Ministry of Home Affairs on holiday swaps for public servants). Nothing in the library depends on them.
 *
 * - 2025: compiled from the announced schedule as best known (Tết Ất Tỵ, Hùng Kings, 30/4–1/5 with the
 *   2/5 swap made up on Saturday 26/4, 2/9 with 1/9).
 * - 2026: compiled from the announced/proposed schedule as best known; verify before use (New Year swap,
 *   Tết Bính Ngọ, Hùng Kings falling on a Sunday, the day adjacent to 2/9).
 * - 2027: ESTIMATED from the lunar calendar and the usual patterns; nothing was announced when written.
 *
 * Only weekdays that are days off need listing (a holiday on a weekend changes nothing); weekend dates of a
 * holiday are nevertheless listed where they help the reader follow the lunar dates.
 */
import type { CalendarYear } from './types';

export const SAMPLE_NATIONAL_CALENDARS: CalendarYear[] = [
  {
    scope: 'national',
    year: 2025,
    holidays: [
      '2025-01-01', // New Year's Day (Wed)
      // Tết Ất Tỵ, Lunar New Year Wed 29/01: off Sat 25/01 – Sun 02/02 (9 days, 5 working days off)
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07', // Hùng Kings' Commemoration, 10/3 lunar (Mon)
      '2025-04-30', // Reunification Day (Wed)
      '2025-05-01', // International Labour Day (Thu)
      '2025-05-02', // swapped day off (Fri), made up on Sat 26/04
      '2025-09-01', // day adjacent to National Day (Mon)
      '2025-09-02', // National Day (Tue)
    ],
    workingDays: [
      '2025-04-26', // Saturday, make-up for Fri 02/05
    ],
  },
  {
    scope: 'national',
    year: 2026,
    holidays: [
      '2026-01-01', // New Year's Day (Thu)
      '2026-01-02', // swapped day off (Fri), made up on Sat 10/01 — verify against the official notice
      // Tết Bính Ngọ, Lunar New Year Tue 17/02: off Sat 14/02 – Sun 22/02 (9 days, 5 working days off)
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Hùng Kings' Commemoration, 10/3 lunar — a Sunday …
      '2026-04-27', // … so the compensatory day off is Monday
      '2026-04-30', // Reunification Day (Thu)
      '2026-05-01', // International Labour Day (Fri)
      '2026-09-01', // day adjacent to National Day (Tue) — verify which adjacent day is chosen
      '2026-09-02', // National Day (Wed)
    ],
    workingDays: [
      '2026-01-10', // Saturday, make-up for Fri 02/01 — verify against the official notice
    ],
  },
  {
    // ESTIMATED: no official announcement yet. Replace once the Government publishes the 2027 schedule.
    scope: 'national',
    year: 2027,
    holidays: [
      '2027-01-01', // New Year's Day (Fri)
      // Tết Đinh Mùi, Lunar New Year Sat 06/02 (estimate): 29 Tết Fri 05/02 to Thu 11/02, the days falling on
      // Sat 06/02 and Sun 07/02 compensated on Wed 10/02 and Thu 11/02
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16', // Hùng Kings' Commemoration, 10/3 lunar (Fri)
      '2027-04-30', // Reunification Day (Fri)
      '2027-05-01', // International Labour Day — a Saturday …
      '2027-05-03', // … compensated on Monday
      '2027-09-02', // National Day (Thu)
      '2027-09-03', // day adjacent to National Day (Fri)
    ],
    workingDays: [],
  },
];

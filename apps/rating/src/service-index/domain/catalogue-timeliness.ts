/**
 * Whether a procedure version was entered in the catalogue within its deadline after the publication decision
 * (DOMAIN.md: 10 working days for a ministry, 5 for a province, 2 when fast-tracked). The issuing agency's level
 * is read from its code (G01–G2x ministries, H01–H63 provinces), so the answer depends on the event alone and a
 * replay gives the same result. Working days here are Monday–Friday: the rating service does not hold the
 * holiday calendar (an approximation in the agency's favour around holidays).
 */
export function deadlineWorkingDays(issuingAgencyCode: string, fastTrack: boolean): number {
  if (fastTrack) return 2;
  return /(?:^|\.)G\d{2}(?:\.|$)/.test(issuingAgencyCode) ? 10 : 5;
}

const DAY_MS = 86_400_000;
const ZONE_OFFSET_MS = 7 * 3_600_000;

/** Local day number (days since 1970-01-01 in Asia/Ho_Chi_Minh). */
function localDay(instant: Date): number {
  return Math.floor((instant.getTime() + ZONE_OFFSET_MS) / DAY_MS);
}

function isWeekday(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
  return weekday >= 1 && weekday <= 5;
}

/** Working days strictly after the decision day up to and including the day the version was entered. */
export function workingDaysBetween(decisionDate: string, enteredAt: Date): number {
  const from = Math.floor(Date.parse(`${decisionDate}T00:00:00Z`) / DAY_MS);
  const to = localDay(enteredAt);
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (isWeekday(d)) n++;
  return n;
}

export function enteredWithinDeadline(decision: { date: string; issuingAgencyCode: string; fastTrack?: boolean }, enteredAt: Date): boolean {
  return workingDaysBetween(decision.date, enteredAt) <= deadlineWorkingDays(decision.issuingAgencyCode, decision.fastTrack ?? false);
}

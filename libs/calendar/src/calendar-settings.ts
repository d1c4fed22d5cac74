/**
 * Settings of a calendar year (time zone, cut-off, closing time, working periods): merged layer over layer and
 * resolved into milliseconds since local midnight. Pure.
 */
import { CalendarInvalidError } from './errors';
import type { CalendarSettings } from './types';
import { TIME_ZONE, tryParseTimeOfDay } from './zone';

const SETTINGS_KEYS: ReadonlySet<string> = new Set(['timeZone', 'cutoffTime', 'closingTime', 'workingPeriods']);

export /** Settings of a year, validated and pre-computed in ms since local midnight. */
interface ResolvedSettings {
  readonly settings: Readonly<CalendarSettings>;
  readonly periods: ReadonlyArray<readonly [number, number]>;
  readonly cutoff: number;
  readonly closing: number;
  /** Total working time of a working day. */
  readonly dayMs: number;
}

export function mergeSettings(
  base: Readonly<CalendarSettings>,
  override: Partial<CalendarSettings> | undefined,
  prefix: string,
): Readonly<CalendarSettings> {
  if (override === undefined) return base;
  for (const key of Object.keys(override)) {
    if (!SETTINGS_KEYS.has(key)) {
      throw new CalendarInvalidError(
        `${prefix}.settings.${key}`,
        'unknown setting (expected timeZone, cutoffTime, closingTime, workingPeriods)',
      );
    }
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) if (value !== undefined) merged[key] = value;
  return merged as unknown as Readonly<CalendarSettings>;
}

export function resolveSettings(settings: Readonly<CalendarSettings>, prefix: string): ResolvedSettings {
  const field = (name: string) => `${prefix}.settings.${name}`;
  if (settings.timeZone !== TIME_ZONE) {
    throw new CalendarInvalidError(field('timeZone'), `must be "${TIME_ZONE}"`, settings.timeZone);
  }
  const rawPeriods: unknown = settings.workingPeriods;
  if (!Array.isArray(rawPeriods) || rawPeriods.length === 0) {
    throw new CalendarInvalidError(field('workingPeriods'), 'must be a non-empty array of [start, end] pairs', rawPeriods);
  }
  const periods: Array<readonly [number, number]> = [];
  rawPeriods.forEach((pair: unknown, i) => {
    const f = `${field('workingPeriods')}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2) throw new CalendarInvalidError(f, 'must be a [start, end] pair', pair);
    const start = tryParseTimeOfDay(pair[0]);
    const end = tryParseTimeOfDay(pair[1]);
    if (start === undefined || end === undefined) throw new CalendarInvalidError(f, 'times must be HH:mm (00:00–23:59)', pair);
    if (start >= end) throw new CalendarInvalidError(f, 'start must be before end', pair);
    const previous = periods[periods.length - 1];
    if (previous && start < previous[1]) {
      throw new CalendarInvalidError(f, 'periods must be sorted and must not overlap', pair);
    }
    periods.push([start, end]);
  });
  const insidePeriods = (t: number) => periods.some(([start, end]) => start < t && t <= end);
  const cutoff = parseSettingTime(settings.cutoffTime, field('cutoffTime'));
  if (!insidePeriods(cutoff)) {
    throw new CalendarInvalidError(
      field('cutoffTime'),
      'must lie inside a working period (start < cut-off ≤ end)',
      settings.cutoffTime,
    );
  }
  const closing = parseSettingTime(settings.closingTime, field('closingTime'));
  if (!insidePeriods(closing)) {
    throw new CalendarInvalidError(
      field('closingTime'),
      'must lie inside a working period (start < closing ≤ end)',
      settings.closingTime,
    );
  }
  if (cutoff > closing) {
    throw new CalendarInvalidError(
      field('cutoffTime'),
      `must not be after the closing time ${settings.closingTime}`,
      settings.cutoffTime,
    );
  }
  const frozen: Readonly<CalendarSettings> = Object.freeze({
    timeZone: TIME_ZONE,
    cutoffTime: settings.cutoffTime,
    closingTime: settings.closingTime,
    workingPeriods: rawPeriods.map((p: [string, string]) => Object.freeze([p[0], p[1]]) as unknown as [string, string]),
  });
  return {
    settings: frozen,
    periods,
    cutoff,
    closing,
    dayMs: periods.reduce((sum, [start, end]) => sum + end - start, 0),
  };
}

function parseSettingTime(value: unknown, field: string): number {
  const t = tryParseTimeOfDay(value);
  if (t === undefined) throw new CalendarInvalidError(field, 'must be HH:mm (00:00–23:59)', value);
  return t;
}

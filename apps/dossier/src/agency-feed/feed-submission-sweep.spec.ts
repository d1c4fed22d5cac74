import { SWEEP_OVERLAP_MS, sweepSince } from './feed-submission-sweep';

const HOUR = 3600_000;
const WINDOW = 6 * HOUR;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 5, 8) + ms);

describe('sweepSince (where a periodic submission sweep starts)', () => {
  it('reads the whole window the first time', () => {
    expect(sweepSince(at(0), WINDOW, undefined)).toEqual(at(-WINDOW));
  });

  it('then reads from the previous sweep’s start, less the overlap', () => {
    expect(sweepSince(at(60_000), WINDOW, at(0))).toEqual(at(-SWEEP_OVERLAP_MS));
    expect(sweepSince(at(60_000), WINDOW, at(0), 1000)).toEqual(at(-1000));
  });

  it('never looks further back than the window (a previous sweep long ago)', () => {
    expect(sweepSince(at(0), WINDOW, at(-10 * HOUR))).toEqual(at(-WINDOW));
  });

  it('does not skip ahead when the previous start is in the future (a clock set back)', () => {
    expect(sweepSince(at(0), WINDOW, at(2 * HOUR))).toEqual(at(-SWEEP_OVERLAP_MS));
  });
});

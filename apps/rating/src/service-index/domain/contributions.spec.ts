import { enteredWithinDeadline, workingDaysBetween } from './catalogue-timeliness';
import { contributionDelta, dossierContributions, ratingContribution, statusChangeContribution, type DossierIndexFacts } from './contributions';
import { monthOf, monthRange, parsePeriod } from './period';

const base: DossierIndexFacts = {
  agencyCode: 'A',
  receivedAt: new Date('2026-01-31T17:30:00Z'), // 2026-02-01 00:30 in Hà Nội
  channel: 'ONLINE',
  documentsDigitised: true,
  finishedAt: null,
  timeliness: null,
  resultElectronic: false,
  feeTotal: 0,
  paidOnline: false,
};

describe('contributions of facts to the monthly counters', () => {
  it('counts a received dossier in the local month of receipt', () => {
    expect(dossierContributions(base)).toEqual([
      { agencyCode: 'A', month: '2026-02', indicator: 'digitisedRate', numerator: 1, denominator: 1 },
      { agencyCode: 'A', month: '2026-02', indicator: 'onlineRate', numerator: 1, denominator: 1 },
    ]);
  });

  it('counts a finished dossier in the month of finishing; payment only when a fee is due', () => {
    const finished = { ...base, channel: 'COUNTER', finishedAt: new Date('2026-03-10T03:00:00Z'), timeliness: 'LATE', resultElectronic: true, feeTotal: 50_000 };
    expect(dossierContributions(finished).slice(2)).toEqual([
      { agencyCode: 'A', month: '2026-03', indicator: 'onTimeRate', numerator: 0, denominator: 1 },
      { agencyCode: 'A', month: '2026-03', indicator: 'electronicResultRate', numerator: 1, denominator: 1 },
      { agencyCode: 'A', month: '2026-03', indicator: 'onlinePaymentRate', numerator: 0, denominator: 1 },
    ]);
    expect(dossierContributions({ ...finished, feeTotal: 0 }).map((c) => c.indicator)).not.toContain('onlinePaymentRate');
    expect(dossierContributions({ ...finished, timeliness: 'EARLY' })[2].numerator).toBe(1);
    expect(dossierContributions({ ...finished, paidOnline: true })[4].numerator).toBe(1);
  });

  it('lets the latest state decide: finished on time then re-synced late counts once, as late', () => {
    const onTime = { ...base, finishedAt: new Date('2026-03-10T03:00:00Z'), timeliness: 'ON_TIME' };
    const late = { ...onTime, timeliness: 'LATE' };
    const first = contributionDelta([], dossierContributions(onTime));
    const second = contributionDelta(dossierContributions(onTime), dossierContributions(late));
    expect(second).toEqual([{ agencyCode: 'A', month: '2026-03', indicator: 'onTimeRate', numerator: -1, denominator: 0 }]);
    const net = contributionDelta([], [...first, ...second]).find((c) => c.indicator === 'onTimeRate');
    expect(net).toEqual({ agencyCode: 'A', month: '2026-03', indicator: 'onTimeRate', numerator: 0, denominator: 1 });
    expect(contributionDelta(dossierContributions(late), dossierContributions(late))).toEqual([]);
  });

  it('moves the whole dossier when its receiving agency changes', () => {
    const delta = contributionDelta(dossierContributions(base), dossierContributions({ ...base, agencyCode: 'B' }));
    expect(delta).toHaveLength(4);
    expect(delta.filter((c) => c.agencyCode === 'A').every((c) => c.denominator === -1)).toBe(true);
  });

  it('judges a status change reaching the hub within 24 hours as on time', () => {
    const at = new Date('2026-01-31T16:00:00Z');
    expect(statusChangeContribution('A', at, new Date(at.getTime() + 24 * 3_600_000))).toEqual({ agencyCode: 'A', month: '2026-02', indicator: 'syncTimeliness', numerator: 1, denominator: 1 });
    expect(statusChangeContribution('A', at, new Date(at.getTime() + 24 * 3_600_000 + 1)).numerator).toBe(0);
  });

  it('counts a rating in the month of ratedAt, satisfied unless NOT_SATISFIED', () => {
    expect(ratingContribution({ agencyCode: 'A', ratedAt: new Date('2026-04-30T17:00:00Z'), level: 'SATISFIED' })).toEqual([
      { agencyCode: 'A', month: '2026-05', indicator: 'satisfactionRate', numerator: 1, denominator: 1 },
    ]);
    expect(ratingContribution({ agencyCode: 'A', ratedAt: new Date('2026-04-01T00:00:00Z'), level: 'NOT_SATISFIED' })[0].numerator).toBe(0);
    expect(ratingContribution(null)).toEqual([]);
  });
});

describe('catalogue timeliness', () => {
  // Decision on Friday 2025-12-19; Mon 22 … Fri 26 are working days 1–5.
  it.each([
    ['000.00.00.H31', false, '2025-12-26T09:00:00+07:00', true],
    ['000.00.00.H31', false, '2025-12-29T09:00:00+07:00', false],
    ['000.00.00.G01', false, '2025-12-29T09:00:00+07:00', true],
    ['000.00.00.G01', false, '2026-01-06T09:00:00+07:00', false],
    ['000.00.00.H31', true, '2025-12-23T23:00:00+07:00', true],
    ['000.00.00.H31', true, '2025-12-24T00:30:00+07:00', false],
  ])('%s fast-track=%s entered %s → within deadline %s', (issuingAgencyCode, fastTrack, enteredAt, expected) => {
    expect(enteredWithinDeadline({ date: '2025-12-19', issuingAgencyCode, fastTrack }, new Date(enteredAt))).toBe(expected);
  });

  it('skips weekends and counts nothing on the decision day itself', () => {
    expect(workingDaysBetween('2025-12-19', new Date('2025-12-21T12:00:00+07:00'))).toBe(0);
    expect(workingDaysBetween('2025-12-19', new Date('2025-12-19T16:00:00+07:00'))).toBe(0);
  });
});

describe('periods in Asia/Ho_Chi_Minh', () => {
  it('parses months and years and rejects the rest', () => {
    expect(parsePeriod('2026-01')).toEqual({ kind: 'month', value: '2026-01', months: ['2026-01'] });
    expect(parsePeriod('2026')?.months).toHaveLength(12);
    expect(parsePeriod('2026')?.months[11]).toBe('2026-12');
    for (const bad of ['2026-13', '2026-00', '26-01', '2026-1', 'GALAXY', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('maps instants to local months', () => {
    expect(monthOf(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12');
    expect(monthOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01');
  });

  it('lists month ranges across years', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toBeNull();
    expect(monthRange('2026-13', '2026-14')).toBeNull();
    expect(monthRange('2000-01', '2026-01')).toBeNull();
  });
});

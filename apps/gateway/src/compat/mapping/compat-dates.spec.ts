import { formatCompatDate, parseCompatDate } from './compat-dates';

describe('compat dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['20260112093000', '2026-01-12T09:30:00+07:00'],
    ['20240229235959', '2024-02-29T23:59:59+07:00'],
    ['20261231000000', '2026-12-31T00:00:00+07:00'],
  ])('%s → %s', (value, iso) => expect(parseCompatDate(value)).toEqual({ ok: true, iso }));

  it.each([undefined, null, ''])('%p is an empty optional date', (value) => expect(parseCompatDate(value)).toEqual({ ok: true, iso: null }));

  it.each([
    '12/01/2026 09:30:00',
    '12/01/2026',
    '2026-01-12T09:30:00+07:00',
    '20261332250000',
    '20260230120000',
    '20250229120000',
    '20260112240000',
    '20260112096000',
    '20260112093060',
    '2026011209300',
    '202601120930000',
    ' 20260112093000',
    '18991231000000',
    20260112093000,
    {},
  ])('%p is refused', (value) => expect(parseCompatDate(value)).toEqual({ ok: false }));

  it('formats instants of any offset in Vietnamese time, and round-trips', () => {
    expect(formatCompatDate('2026-01-12T02:30:00Z')).toBe('20260112093000');
    expect(formatCompatDate('2026-01-12T23:30:00+07:00')).toBe('20260112233000');
    expect(formatCompatDate('2026-01-12T20:00:00Z')).toBe('20260113030000');
    expect(formatCompatDate(null)).toBe('');
    const parsed = parseCompatDate('20260305171500');
    expect(parsed.ok && formatCompatDate(parsed.iso)).toBe('20260305171500');
  });
});

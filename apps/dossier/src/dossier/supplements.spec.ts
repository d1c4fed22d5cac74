import { mergeSupplements, supplementOf, supplementViewOf, type SupplementLine } from './supplements';

const receivedAt = new Date('2026-01-12T02:30:00Z');
const now = new Date('2026-01-20T00:00:00Z');
const portal: SupplementLine = { at: new Date('2026-01-13T03:00:00Z'), note: 'Bản sao CCCD' };
const reported = (over: Partial<SupplementLine> = {}): SupplementLine => ({ id: 'BS1', at: new Date('2026-01-14T03:00:00Z'), requestedAt: new Date('2026-01-13T02:00:00Z'), note: 'Bổ sung bản vẽ', source: 'agency', ...over });

describe('supplements an agency system reports with its sync records', () => {
  it('are added to the known ones in time order, the applicant’s own kept', () => {
    const late = reported({ id: 'BS0', at: new Date('2026-01-12T05:00:00Z'), requestedAt: undefined });
    expect(mergeSupplements({ receivedAt, supplements: [portal] }, [reported(), late], now)).toEqual([late, portal, reported()]);
  });

  it('one known by its id (or, without one, by time and note) is not added again', () => {
    const known = [portal, reported()];
    const state = { receivedAt, supplements: known };
    expect(mergeSupplements(state, [reported({ note: 'sửa lại' }), { ...portal, source: 'agency' }], now)).toBe(known);
    expect(mergeSupplements(state, [{ at: portal.at, note: 'khác', source: 'agency' }], now)).toHaveLength(3);
  });

  it('refuses a time before receipt, in the future, or a request after its answer', () => {
    expect(mergeSupplements({ receivedAt, supplements: [] }, [reported({ at: new Date('2026-01-12T02:00:00Z') })], now)).toMatchObject({ code: 'TIME_OUT_OF_ORDER', field: 'supplements.0.at' });
    expect(mergeSupplements({ receivedAt, supplements: [] }, [portal, reported({ at: new Date('2026-01-20T00:06:00Z') })], now)).toMatchObject({ code: 'TIME_IN_FUTURE', field: 'supplements.1.at' });
    expect(mergeSupplements({ receivedAt, supplements: [] }, [reported({ requestedAt: new Date('2026-01-15T00:00:00Z') })], now)).toMatchObject({ code: 'TIME_OUT_OF_ORDER', field: 'supplements.0.requestedAt' });
  });

  it('round-trip through the stored JSON and show who reported them', () => {
    const stored = JSON.parse(JSON.stringify([portal, reported()])) as Array<Record<string, unknown>>;
    expect(stored.map(supplementOf)).toEqual([portal, reported()]);
    expect(stored.map(supplementOf).map(supplementViewOf)).toEqual([
      { at: '2026-01-13T10:00:00+07:00', requestedAt: null, note: 'Bản sao CCCD', reportedBy: 'applicant' },
      { id: 'BS1', at: '2026-01-14T10:00:00+07:00', requestedAt: '2026-01-13T09:00:00+07:00', note: 'Bổ sung bản vẽ', reportedBy: 'agency' },
    ]);
  });
});

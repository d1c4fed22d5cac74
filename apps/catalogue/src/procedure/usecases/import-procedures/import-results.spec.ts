import type { ImportRecordResultView } from './import-procedures.command';
import { ImportResults } from './import-results';

const refused = (index: number): ImportRecordResultView => ({ index, code: `1.${index}`, result: 'error', errors: [{ field: '', code: 'MALFORMED_RECORD', message: 'x' }] });

describe('ImportResults', () => {
  it('keeps the reasons of the first refusals only, and counts every result', () => {
    const results = new ImportResults(2);
    results.add([refused(0), { index: 1, code: '1.1', result: 'created', version: 1 }, refused(2)]);
    results.add([refused(3), refused(4), { index: 5, code: '1.5', result: 'unchanged', version: 3 }]);
    const report = results.report();
    expect(report).toMatchObject({ total: 6, created: 1, updated: 0, unchanged: 1, failed: 4, errorDetailsOmitted: 2 });
    expect(report.results.map((r) => r.errors?.length ?? 0)).toEqual([1, 0, 1, 0, 0, 0]);
    expect(report.results[3]).toEqual({ index: 3, code: '1.3', result: 'error' });
  });

  it('says nothing of omitted details when none were omitted', () => {
    const results = new ImportResults(5);
    results.add([refused(0)]);
    expect(results.report()).not.toHaveProperty('errorDetailsOmitted');
  });
});

import type { ImportRecordResultView, ImportReportView } from './import-procedures.command';

/**
 * The per-record results of one import, with the memory of refused records bounded: the first `maxErrorDetails`
 * refusals keep their reasons, later ones only their index, code and `result: error` (counted in
 * `errorDetailsOmitted`). Counts are kept as results arrive instead of being recomputed over the list.
 */
export class ImportResults {
  private readonly results: ImportRecordResultView[] = [];
  private readonly counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
  private detailed = 0;
  private omitted = 0;

  constructor(private readonly maxErrorDetails: number) {}

  add(results: readonly ImportRecordResultView[]): void {
    for (const result of results) {
      this.counts[result.result]++;
      if (result.result === 'error') {
        if (this.detailed < this.maxErrorDetails) this.detailed++;
        else if (result.errors) {
          const { errors: _dropped, ...bare } = result;
          this.omitted++;
          this.results.push(bare);
          continue;
        }
      }
      this.results.push(result);
    }
  }

  report(): ImportReportView {
    return {
      total: this.results.length,
      created: this.counts.created,
      updated: this.counts.updated,
      unchanged: this.counts.unchanged,
      failed: this.counts.error,
      ...(this.omitted > 0 ? { errorDetailsOmitted: this.omitted } : {}),
      results: this.results,
    };
  }
}

// Paired baseline/subject measurements and the ratio rows every scenario reports.

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Runs `runs` pairs of measurements, alternating the order (baseline→subject, then subject→baseline,
 * ...) so a slow drift of the machine does not favour one side, and turns them into ratio rows.
 *
 * @param {object} o
 * @param {number} o.runs
 * @param {{ label: string, measure: (run: number) => Promise<Record<string, number>> }} o.baseline
 * @param {{ label: string, measure: (run: number) => Promise<Record<string, number>> }} o.subject
 * @param {{ key: string, metric: string, unit: string, better?: 'higher'|'lower' }[]} o.metrics
 *        which fields of a measurement become rows
 * @param {(msg: string) => void} [o.log]
 * @returns {Promise<{ rows: Row[], samples: { baseline: object[], subject: object[] } }>}
 */
export async function compare({ runs, baseline, subject, metrics, log = () => undefined, describe = defaultDescribe(metrics) }) {
  const samples = { baseline: [], subject: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['baseline', 'subject'] : ['subject', 'baseline'];
    for (const side of order) {
      const spec = side === 'baseline' ? baseline : subject;
      const sample = await spec.measure(i);
      samples[side].push(sample);
      log(`run ${i + 1}/${runs} ${side} (${spec.label}): ${describe(sample)}`);
    }
  }
  const rows = metrics.map((m) => ratioRow(m, samples.baseline.map((s) => s[m.key]), samples.subject.map((s) => s[m.key])));
  return { rows, samples };
}

/**
 * @typedef {object} Row
 * @property {string} metric  @property {string} unit
 * @property {number} baseline  median of the baseline measurements
 * @property {number} subject   median of the subject measurements
 * @property {number} ratio     median of the per-run ratios subject/baseline (paired: each pair ran back to back)
 * @property {number[]} ratios  every per-run ratio (the spread shows the noise)
 * @property {'higher'|'lower'} [better]
 */
export function ratioRow({ metric, unit, better }, baselineValues, subjectValues) {
  const ratios = baselineValues.map((b, i) => subjectValues[i] / b).filter((r) => Number.isFinite(r));
  return { metric, unit, better, baseline: median(baselineValues), subject: median(subjectValues), ratio: median(ratios), ratios };
}

function defaultDescribe(metrics) {
  return (sample) => metrics.map((m) => `${m.metric} ${fmt(sample[m.key])} ${m.unit}`).join(', ');
}

/** 3 significant digits, no exponent for the magnitudes benchmarks produce. */
export function fmt(x) {
  if (x === undefined || x === null || Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

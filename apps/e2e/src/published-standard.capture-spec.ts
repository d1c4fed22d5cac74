import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublishedStandard } from '@hub/testing';
import { CAPTURE_DIR_ENV, type CaptureLine } from './support/standard-capture';

/**
 * Proof of the data-packet standard (issue 15): every Kafka message the hub's apps published during the e2e run,
 * every agency-feed item and webhook body the e2e tests received, validates against docs/standard. tools/run-tests.mjs
 * runs it after all other tiers with the run's capture directory; in a full run (`npm test` without arguments) it also
 * sets HUB_E2E_CAPTURE_REQUIRED=1, and an empty or incomplete capture then fails. Anywhere else an empty capture means
 * the e2e suites did not run: the check then skips, and says so.
 */
const REQUIRED_ENV = 'HUB_E2E_CAPTURE_REQUIRED';
const dir = process.env[CAPTURE_DIR_ENV];
const required = process.env[REQUIRED_ENV] === '1';
const lines: CaptureLine[] = dir && existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CaptureLine))
  : [];
const events = lines.flatMap((l) => (l.kind === 'event' ? [l] : []));
const packets = lines.flatMap((l) => (l.kind === 'packet' ? [l] : []));
const empty = events.length === 0 && packets.length === 0 && !lines.some((l) => l.kind === 'capture-error');

const skipped = (why: string) => {
  console.warn(`\n[standard] ${why}\n`);
  return it.skip;
};
const itCaptured = empty && !required ? skipped(`SKIPPED: no e2e capture${dir ? ` in ${dir}` : ` (${CAPTURE_DIR_ENV} is not set)`}: the e2e suites did not run. The data-packet check of e2e messages proves nothing in this run.`) : it;
const itFullRun = required || empty ? itCaptured : skipped(`a partial run (${REQUIRED_ENV} is not set): captured messages are validated, but not that every payment/rating event and packet appears.`);

describe('messages captured from the e2e run conform to the published data-packet standard (docs/standard)', () => {
  const standard = PublishedStandard.load();
  const name = (m: Extract<CaptureLine, { kind: 'event' }>) => `${m.topic} key ${m.key} event-id ${m.headers['event-id']} (partition ${m.partition} offset ${m.offset}, ${m.source})`;

  itCaptured('captured the run without a failure', () => {
    expect(dir).toBeDefined();
    expect(lines.filter((l) => l.kind === 'capture-error')).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    const hubs = lines.flatMap((l) => (l.kind === 'hub' ? [l] : []));
    const count = (names: string[]) => Object.entries(names.reduce<Record<string, number>>((n, t) => ({ ...n, [t]: (n[t] ?? 0) + 1 }), {})).map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(
      `[standard] ${events.length} Kafka messages from ${hubs.length} Hubs (${hubs.reduce((n, h) => n + h.published, 0)} outbox rows; reading took ${hubs.reduce((n, h) => n + h.readMs, 0)} ms in all): ` +
        `${count(events.map((m) => m.topic))}; ${packets.length} packets: ${count(packets.map((p) => p.packet))}`,
    );
  });

  itCaptured('every Kafka message: envelope headers, key and payload', () => {
    const violations = events.map((m) => ({ message: name(m), errors: standard.checkMessage(m, { strict: true }) })).filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
  });

  itCaptured('every agency-feed item and webhook body the tests received', () => {
    const violations = packets
      .map((p, i) => ({ packet: `${p.packet} #${i} (${p.source})`, errors: standard.check(`schemas/packets/${p.packet}.json`, p.value, { strict: true }) }))
      .filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
  });

  itFullRun('saw every payment and rating event and both agency packets at least once (so a broken capture fails)', () => {
    const topics = [...standard.topicsProducedBy('payment'), ...standard.topicsProducedBy('rating')];
    expect(topics.length).toBeGreaterThan(0);
    const seen = new Set([...events.map((m) => m.topic), ...packets.map((p) => p.packet)]);
    expect([...topics, 'agency-feed.item.v1', 'agency-webhook.delivery.v1'].filter((t) => !seen.has(t))).toEqual([]);
  });
});

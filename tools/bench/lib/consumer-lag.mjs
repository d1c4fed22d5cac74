// Waits until the hub's consumer groups have read everything on their topics: a fresh group replays every event earlier
// runs left on the broker, and that replay (applying thousands of stale events) would be measured as part of the subject.
import { createRequire } from 'node:module';
import { kafkaSaslOf } from './infra.mjs';
import { sleep } from './util.mjs';

const require = createRequire(import.meta.url);

/** Sum over the group's assigned partitions of (end offset − committed offset); undefined while the group is not Stable. */
async function lagOf(admin, AssignerProtocol, groupId) {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (!group || group.state !== 'Stable' || group.members.length === 0) return undefined;
  const topics = new Set();
  for (const m of group.members) {
    const assignment = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
    for (const topic of Object.keys(assignment?.assignment ?? {})) topics.add(topic);
  }
  if (topics.size === 0) return 0;
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  let lag = 0;
  for (const { topic, partitions } of committed) {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
    for (const p of partitions) {
      const end = ends.get(p.partition);
      if (!end) continue;
      const from = Number(p.offset) >= 0 ? Number(p.offset) : Number(end.low);
      lag += Math.max(0, Number(end.high) - from);
    }
  }
  return lag;
}

/**
 * Resolves once every group in `groupIds` is Stable with no lag (or after `timeoutMs`, with a `warn`ing: what is
 * measured next is then doubtful). Returns the seconds waited.
 */
export async function waitForConsumersCaughtUp(brokers, groupIds, log, { timeoutMs = 600_000, pollMs = 1000, warn = log } = {}) {
  if (groupIds.length === 0) return 0;
  const { Kafka, logLevel, AssignerProtocol } = require('kafkajs');
  const sasl = kafkaSaslOf('admin');
  const admin = new Kafka({ clientId: 'bench-lag', brokers, logLevel: logLevel.NOTHING, ...(sasl ? { sasl } : {}) }).admin();
  await admin.connect();
  const t0 = Date.now();
  let lastLog = 0;
  try {
    for (;;) {
      const lags = await Promise.all(groupIds.map((g) => lagOf(admin, AssignerProtocol, g).catch(() => undefined)));
      if (lags.every((l) => l === 0)) return (Date.now() - t0) / 1000;
      if (Date.now() - t0 > timeoutMs) {
        warn(`consumer groups not caught up after ${timeoutMs / 1000} s (${groupIds.map((g, i) => `${g}: ${lags[i] ?? 'rebalancing'}`).join(', ')}); measured anyway`);
        return (Date.now() - t0) / 1000;
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`waiting for the consumers to catch up: ${groupIds.map((g, i) => `${g} ${lags[i] ?? 'rebalancing'}`).join(', ')}`);
      }
      await sleep(pollMs);
    }
  } finally {
    await admin.disconnect();
  }
}

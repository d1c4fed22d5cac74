import { createTestDatabase, expectEventually, type TestDatabase } from '@hub/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// Here rather than in libs/persistence, whose tests cannot use @hub/testing (which depends on it).
import { PgNotifications, type NotificationSubscriber } from '@hub/persistence';

/** A subscriber that records what it hears. */
function recorder(): NotificationSubscriber & { payloads: string[]; listened: number } {
  const heard = { payloads: [] as string[], listened: 0 };
  return Object.assign(heard, {
    notified: (payload: string) => void heard.payloads.push(payload),
    listening: () => void heard.listened++,
  });
}

describe('PgNotifications: one LISTEN connection per process, against real PostgreSQL', () => {
  let db: TestDatabase;
  let admin: Client;
  let notifications: PgNotifications;

  /** The backends of the test database that LISTEN (pg_stat_activity shows a connection's last statement). */
  const listeningBackends = async () =>
    (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`)).rows;

  /** Notifies every channel given, in one transaction: delivered at its commit. */
  const notifyAll = async (...sends: Array<[string, string]>) => {
    await admin.query('BEGIN');
    for (const [channel, payload] of sends) await admin.query('SELECT pg_notify($1, $2)', [channel, payload]);
    await admin.query('COMMIT');
  };

  beforeAll(async () => {
    db = await createTestDatabase('pg_notifications');
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });

  beforeEach(() => {
    // An uninitialised DataSource: PgNotifications only reads its URL and opens its own connection.
    notifications = new PgNotifications(new DataSource({ type: 'postgres', url: db.url }));
  });

  afterEach(async () => {
    await notifications.onApplicationShutdown();
    await expectEventually(async () => expect(await listeningBackends()).toEqual([]));
  });

  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  it('listens to every channel on one connection and delivers each notification to its own subscribers', async () => {
    const outbox = recorder();
    const feed = recorder();
    const feedToo = recorder();
    notifications.subscribe('outbox', outbox);
    notifications.subscribe('agency_feed', feed);
    notifications.subscribe('agency_feed', feedToo);
    await expectEventually(() => expect([outbox.listened, feed.listened, feedToo.listened]).toEqual([1, 1, 1]));
    expect(notifications.connected).toBe(true);
    expect(await listeningBackends()).toHaveLength(1);

    await notifyAll(['outbox', ''], ['agency_feed', 'A1,A2'], ['elsewhere', 'x']);
    await expectEventually(() => expect(feedToo.payloads).toEqual(['A1,A2']));
    expect(outbox.payloads).toEqual(['']);
    expect(feed.payloads).toEqual(['A1,A2']);
  });

  it('adds a channel first subscribed on a live connection, on that same connection', async () => {
    const first = recorder();
    notifications.subscribe('outbox', first);
    await expectEventually(() => expect(first.listened).toBe(1));
    const late = recorder();
    notifications.subscribe('agency_feed', late);
    await expectEventually(() => expect(late.listened).toBe(1));
    expect(await listeningBackends()).toHaveLength(1);
    await notifyAll(['agency_feed', 'B1']);
    await expectEventually(() => expect(late.payloads).toEqual(['B1']));
  });

  it('stops delivering to a subscriber that unsubscribed', async () => {
    const gone = recorder();
    const stays = recorder();
    const unsubscribe = notifications.subscribe('outbox', gone);
    notifications.subscribe('outbox', stays);
    await expectEventually(() => expect(stays.listened).toBe(1));
    unsubscribe();
    await notifyAll(['outbox', 'after']);
    await expectEventually(() => expect(stays.payloads).toEqual(['after']));
    expect(gone.payloads).toEqual([]);
  });

  it('reconnects after its connection is killed, tells every subscriber, and delivers again', async () => {
    const outbox = recorder();
    const feed = recorder();
    notifications.subscribe('outbox', outbox);
    notifications.subscribe('agency_feed', feed);
    await expectEventually(() => expect(feed.listened).toBe(1));
    const [{ pid }] = await listeningBackends();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // Both hear that LISTEN is back (what was notified meanwhile is unknown to them), on a new backend.
    await expectEventually(() => expect([outbox.listened, feed.listened]).toEqual([2, 2]), { timeoutMs: 10_000 });
    const backends = await listeningBackends();
    expect(backends).toHaveLength(1);
    expect(backends[0].pid).not.toBe(pid);
    await notifyAll(['outbox', 'again'], ['agency_feed', 'C1']);
    await expectEventually(() => expect([outbox.payloads, feed.payloads]).toEqual([['again'], ['C1']]));
  });

  it('refuses what is not a plain channel name', () => {
    expect(() => notifications.subscribe('outbox; DROP TABLE outbox', recorder())).toThrow('not a channel name');
  });
});

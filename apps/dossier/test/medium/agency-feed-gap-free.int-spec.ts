import { Client } from 'pg';
import { createMediumDatabase, expectEventually, type MediumDatabase } from '@hub/testing';
import type { EntityManager } from 'typeorm';
import { AgencyFeedStore, type FeedRow } from '../../src/agency-feed/agency-feed.store';
import { FEED_START, type FeedPosition } from '../../src/agency-feed/feed-cursor';
import { DossierIntake1764115300000 } from '../../src/migrations/1764115300000-dossier-intake';
import { DossierLifecycle1764200000000 } from '../../src/migrations/1764200000000-dossier-lifecycle';
import { AgencyFeed1765200000000 } from '../../src/migrations/1765200000000-agency-feed';

// Medium tier: the feed's gap-free rule is SQL (the horizon of the reading statement's snapshot), so it is proven on
// a real PostgreSQL with real concurrent transactions that commit in another order than they took their ids.
// The horizon is the whole server's oldest running transaction: on a shared server another test's transaction may
// hold it back for a moment, so rows that must appear are awaited; rows that must not appear are checked at once.
describe('agency feed: gap-free under concurrent commits (medium)', () => {
  let db: MediumDatabase;
  let store: AgencyFeedStore;
  const clients: Client[] = [];
  const all = () => ({ sql: 'TRUE', params: [] });
  let seq = 0;

  const connect = async (): Promise<Client> => {
    const client = new Client({ connectionString: (db.dataSource.options as { url: string }).url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const asTx = (client: Client) => ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }) as unknown as EntityManager;
  const insert = (client: Client, label: string) =>
    store.insert(asTx(client), {
      agencyCode: '000.00.15.H31',
      dossierCode: `000.00.15.H31-260112-${String(++seq).padStart(4, '0')}`,
      type: 'dossier.submitted',
      occurredAt: new Date(),
      data: { label },
      sourceKey: `test:${label}`,
    });
  const labels = (rows: FeedRow[]) => rows.map((r) => r.data.label as string);
  /** Follows the cursor to the end of what is served now. */
  const readAll = async (from: FeedPosition): Promise<{ rows: FeedRow[]; next: FeedPosition }> => {
    const rows: FeedRow[] = [];
    let next = from;
    for (;;) {
      const page = await store.page(next, 3, all);
      if (page.length === 0) return { rows, next };
      rows.push(...page);
      next = page[page.length - 1].position;
    }
  };

  beforeAll(async () => {
    db = await createMediumDatabase('agency_feed', { entities: [], migrations: [DossierIntake1764115300000, DossierLifecycle1764200000000, AgencyFeed1765200000000] });
    store = new AgencyFeedStore(db.dataSource);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await db.close();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE agency_feed CASCADE');
  });

  it('holds back a fast commit while a slower transaction that wrote first is still open, then serves both in order', async () => {
    const [slow, fast] = [await connect(), await connect()];
    await slow.query('BEGIN');
    await insert(slow, 'slow');
    await fast.query('BEGIN');
    await insert(fast, 'fast');
    await fast.query('COMMIT');

    const early = await readAll(FEED_START);
    expect(labels(early.rows)).toEqual([]);

    await slow.query('COMMIT');
    await expectEventually(async () => expect(labels((await readAll(early.next)).rows)).toEqual(['slow', 'fast']));
  });

  it('never skips a row whose id is lower than one already served (where polling by id loses it)', async () => {
    const [first, second] = [await connect(), await connect()];
    // `first` takes its transaction id, then `second` takes a larger one and draws the lower row id.
    await first.query('BEGIN');
    await first.query('SELECT pg_current_xact_id()');
    await second.query('BEGIN');
    await second.query('SELECT pg_current_xact_id()');
    await insert(second, 'lower-id-commits-late');
    await insert(first, 'higher-id-commits-first');
    await first.query('COMMIT');

    const served = await expectEventually(async () => {
      const page = await readAll(FEED_START);
      expect(labels(page.rows)).toEqual(['higher-id-commits-first']);
      return page;
    });
    const naiveCursor = served.rows[0].position.id;

    await second.query('COMMIT');
    await expectEventually(async () => expect(labels((await readAll(served.next)).rows)).toEqual(['lower-id-commits-late']));
    // What a reader polling by id would have done: everything above the id it had seen, and the late row is lost.
    const naive = await db.dataSource.query('SELECT data->>$2 AS label FROM agency_feed WHERE id > $1 ORDER BY id', [naiveCursor.toString(), 'label']);
    expect(naive).toEqual([]);
  });

  it('leaves out rolled-back rows and stays gap-free when an open transaction aborts', async () => {
    const [aborting, committing] = [await connect(), await connect()];
    await aborting.query('BEGIN');
    await insert(aborting, 'rolled-back');
    await committing.query('BEGIN');
    await insert(committing, 'kept');
    await committing.query('COMMIT');
    expect(labels((await readAll(FEED_START)).rows)).toEqual([]);
    await aborting.query('ROLLBACK');
    await expectEventually(async () => expect(labels((await readAll(FEED_START)).rows)).toEqual(['kept']));
  });

  it('is not held back by a long transaction in another database of the server', async () => {
    const elsewhere = new Client({ connectionString: (db.dataSource.options as { url: string }).url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await elsewhere.connect();
    clients.push(elsewhere);
    await elsewhere.query('BEGIN');
    await elsewhere.query('SELECT pg_current_xact_id()');
    const writer = await connect();
    await writer.query('BEGIN');
    await insert(writer, 'while-another-database-waits');
    await writer.query('COMMIT');
    await expectEventually(async () => expect(labels((await readAll(FEED_START)).rows)).toEqual(['while-another-database-waits']), { timeoutMs: 5000 });
    await elsewhere.query('ROLLBACK');
  });

  it('a reader following the cursor while 6 writers commit slow and fast transactions sees every committed row exactly once', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, connect));
    const committed: string[] = [];
    let writing = true;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const writer = async (client: Client, w: number) => {
      for (let i = 0; i < 25; i++) {
        const label = `w${w}-${i}`;
        await client.query('BEGIN');
        await insert(client, label);
        // Slow and fast transactions interleave: some hold their row for a while before committing.
        await sleep((w + i) % 4 === 0 ? 15 + ((w * 7 + i) % 20) : (w * 3 + i) % 3);
        if ((w + i) % 9 === 0) {
          await client.query('ROLLBACK');
        } else {
          await client.query('COMMIT');
          committed.push(label);
        }
      }
    };
    const seen: string[] = [];
    const reader = async () => {
      let next = FEED_START;
      const deadline = Date.now() + 30_000;
      // Until the writers are done and everything committed was served (or the time is up: the assertions tell).
      while (writing || (seen.length < committed.length && Date.now() < deadline)) {
        const page = await store.page(next, 7, all);
        seen.push(...labels(page));
        if (page.length > 0) next = page[page.length - 1].position;
        else await sleep(2);
      }
      seen.push(...labels((await readAll(next)).rows));
    };
    const reading = reader();
    await Promise.all(writers.map(writer));
    writing = false;
    await reading;

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...committed].sort());
    expect(committed.length).toBeGreaterThan(120);
  });
});

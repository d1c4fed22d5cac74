import { Client, type Notification } from 'pg';
import { createMediumDatabase, expectEventually, type MediumDatabase } from '@hub/testing';
import { DossierIntake1764115300000 } from '../../src/migrations/1764115300000-dossier-intake';
import { DossierLifecycle1764200000000 } from '../../src/migrations/1764200000000-dossier-lifecycle';
import { AgencyFeed1765200000000 } from '../../src/migrations/1765200000000-agency-feed';
import { AgencyFeedNotifyAgencies1766200000000 } from '../../src/migrations/1766200000000-agency-feed-notify-agencies';

// Medium tier: the feed's NOTIFY (what the webhook worker enqueues by) is a trigger, proven on a real PostgreSQL.
describe('agency feed: the NOTIFY names the agencies that got items (medium)', () => {
  let db: MediumDatabase;
  let listener: Client;
  const heard: string[] = [];
  let seq = 0;

  const item = (agency: string) => {
    const n = ++seq;
    return `('${agency}', '${agency}-260112-${String(n).padStart(4, '0')}', 'dossier.submitted', now(), '{}', 'notify-test:${n}')`;
  };
  const insert = (...values: string[]) =>
    db.dataSource.query(`INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key) VALUES ${values.join(', ')} ON CONFLICT (source_key) DO NOTHING`);

  beforeAll(async () => {
    db = await createMediumDatabase('agency_feed_notify', {
      entities: [],
      migrations: [DossierIntake1764115300000, DossierLifecycle1764200000000, AgencyFeed1765200000000, AgencyFeedNotifyAgencies1766200000000],
    });
    listener = new Client({ connectionString: (db.dataSource.options as { url: string }).url });
    await listener.connect();
    listener.on('notification', (n: Notification) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN agency_feed');
  });
  afterAll(async () => {
    await listener?.end().catch(() => undefined);
    await db?.close();
  });

  it('names each agency of a statement once, and a statement that wrote no item notifies nothing', async () => {
    await insert(item('000.00.15.H31'), item('000.00.16.H31'), item('000.00.15.H31'));
    await expectEventually(() => expect(heard).toEqual(['000.00.15.H31,000.00.16.H31']));
    // A replayed item (its source key already recorded) writes nothing: no wake for anyone.
    await db.dataSource.query(`INSERT INTO agency_feed (agency_code, dossier_code, type, occurred_at, data, source_key) SELECT agency_code, dossier_code, type, occurred_at, data, source_key FROM agency_feed ON CONFLICT (source_key) DO NOTHING`);
    await insert(item('000.00.17.H31'));
    await expectEventually(() => expect(heard).toEqual(['000.00.15.H31,000.00.16.H31', '000.00.17.H31']));
  });

  it('names no agency (any) when the list would not fit in a notification', async () => {
    heard.length = 0;
    await insert(...Array.from({ length: 600 }, (_, i) => item(`G${String(i).padStart(3, '0')}.0001.H31`)));
    await expectEventually(() => expect(heard).toEqual(['']));
  });
});

import { OutboxWriter } from '@hub/messaging';
import { Clock, newTrace } from '@hub/platform';
import { createMediumDatabase, type MediumDatabase } from '@hub/testing';
import { AgencyRepository } from '../../src/agency/agency.repository';
import { GetAgencyUseCase } from '../../src/agency/usecases/get-agency/get-agency.usecase';
import { GetAgencyAncestorsUseCase } from '../../src/agency/usecases/get-agency-ancestors/get-agency-ancestors.usecase';
import { GetAgencySubtreeUseCase } from '../../src/agency/usecases/get-agency-subtree/get-agency-subtree.usecase';
import { parseSubtreeCursor } from '../../src/agency/usecases/get-agency-subtree/subtree-cursor';
import { UpsertAgencyUseCase } from '../../src/agency/usecases/upsert-agency/upsert-agency.usecase';
import { AgencyEntity } from '../../src/agency/agency.entity';
import { CATALOGUE_MIGRATIONS } from '../../src/catalogue-app.module';

// Medium tier: the agency use cases on a real database, because their rules live in SQL (recursive hierarchy
// walks, the write lock, the outbox row in the same transaction). No Nest application, no Kafka.
describe('agency hierarchy on PostgreSQL (medium)', () => {
  let db: MediumDatabase;
  let upsert: UpsertAgencyUseCase;
  let get: GetAgencyUseCase;
  let subtree: GetAgencySubtreeUseCase;
  let ancestors: GetAgencyAncestorsUseCase;
  const PROVINCE = '000.00.00.H31';
  const DEPARTMENT = '000.00.15.H31';
  const UNIT = '000.15.01.H31';
  const trace = newTrace();

  const outboxRows = async (): Promise<Array<{ key: string; revision: number }>> =>
    (await db.dataSource.query(`SELECT key, (payload->>'revision')::int AS revision FROM outbox ORDER BY id`)) as Array<{ key: string; revision: number }>;

  beforeAll(async () => {
    db = await createMediumDatabase('agency', { entities: [AgencyEntity], migrations: CATALOGUE_MIGRATIONS });
    const agencies = new AgencyRepository(db.dataSource);
    upsert = new UpsertAgencyUseCase(agencies, new OutboxWriter({ service: 'catalogue', brokers: [] }), new Clock(), db.transactions);
    get = new GetAgencyUseCase(agencies);
    subtree = new GetAgencySubtreeUseCase(agencies);
    ancestors = new GetAgencyAncestorsUseCase(agencies);
    await upsert.execute({ code: PROVINCE, name: 'UBND thành phố Hà Nội', level: 'PROVINCE', trace });
    await upsert.execute({ code: DEPARTMENT, name: 'Sở Xây dựng', level: 'UNIT', parentCode: PROVINCE, trace });
    await upsert.execute({ code: UNIT, name: 'Phòng Cấp phép', level: 'UNIT', parentCode: DEPARTMENT, trace });
  });
  afterAll(() => db.close());

  it('walks the hierarchy down by depth and up parent first', async () => {
    expect((await subtree.execute({ code: PROVINCE, limit: 100 })).items.map((n) => [n.code, n.depth])).toEqual([
      [PROVINCE, 0],
      [DEPARTMENT, 1],
      [UNIT, 2],
    ]);
    expect((await subtree.execute({ code: PROVINCE, maxDepth: 1, limit: 100 })).items.map((n) => n.code)).toEqual([PROVINCE, DEPARTMENT]);
    expect((await ancestors.execute({ code: UNIT })).map((n) => n.code)).toEqual([DEPARTMENT, PROVINCE]);
  });

  it('pages a subtree on (depth, code): every agency once, in order, then a null cursor', async () => {
    const seen: Array<[string, number]> = [];
    let cursor: string | null | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await subtree.execute({ code: PROVINCE, limit: 2, cursor: cursor ? parseSubtreeCursor(cursor) : undefined });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n): [string, number] => [n.code, n.depth]));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([
      [PROVINCE, 0],
      [DEPARTMENT, 1],
      [UNIT, 2],
    ]);
    expect(() => parseSubtreeCursor('bm90IGEgY3Vyc29y')).toThrow();
  });

  it('refuses a parent two levels below, and writes and publishes nothing then', async () => {
    const before = await outboxRows();
    await expect(upsert.execute({ code: PROVINCE, name: 'UBND thành phố Hà Nội', level: 'PROVINCE', parentCode: UNIT, trace })).rejects.toMatchObject({
      code: 'AGENCY_HIERARCHY_CYCLE',
    });
    expect(await outboxRows()).toEqual(before);
    expect(await get.execute({ code: PROVINCE })).toMatchObject({ parentCode: null, revision: 1 });
  });

  it('publishes a snapshot per change only: the same data again is unchanged, a rename is revision 2', async () => {
    const before = (await outboxRows()).length;
    expect((await upsert.execute({ code: DEPARTMENT, name: 'Sở Xây dựng', level: 'UNIT', parentCode: PROVINCE, trace })).result).toBe('unchanged');
    expect(await outboxRows()).toHaveLength(before);
    expect((await upsert.execute({ code: DEPARTMENT, name: 'Sở Xây dựng Hà Nội', level: 'UNIT', parentCode: PROVINCE, trace })).result).toBe('updated');
    expect((await outboxRows()).slice(before)).toEqual([{ key: DEPARTMENT, revision: 2 }]);
  });
});

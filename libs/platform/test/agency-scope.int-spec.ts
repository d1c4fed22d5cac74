import { Client } from 'pg';
import { agencyScopeCondition } from '../src/identity/agency-scope';
import type { CallerIdentity } from '../src/identity/caller-identity';

const ROWS = `(VALUES ('D-1', '000.00.15.H31'), ('D-2', '000.00.16.H31'), ('D-3', '000.00.99.H31')) AS d(code, agency)`;

describe('agencyScopeCondition on PostgreSQL', () => {
  const client = new Client({ connectionString: postgresUrl() });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const visible = async (caller: CallerIdentity): Promise<string[]> => {
    // $1 is taken by the query's own filter, so the fragment numbers its parameter from 2.
    const scope = agencyScopeCondition(caller, 'd.agency', 2);
    const { rows } = await client.query(`SELECT code FROM ${ROWS} WHERE d.code <> $1 AND ${scope.sql} ORDER BY code`, ['none', ...scope.params]);
    return rows.map((r: { code: string }) => r.code);
  };

  it('keeps an agency system to its own agencies and shows everything to the others', async () => {
    const base = { clientId: 'c', roles: [] };
    expect(await visible({ ...base, kind: 'agency-system', agencyCodes: ['000.00.15.H31', '000.00.99.H31'] })).toEqual(['D-1', 'D-3']);
    expect(await visible({ ...base, kind: 'agency-system', agencyCodes: [] })).toEqual([]);
    expect(await visible({ ...base, kind: 'operator', agencyCodes: ['000.00.15.H31'] })).toEqual(['D-1', 'D-2', 'D-3']);
  });
});

/** Set by the global setup of libs/testing (imported by path: the testing library itself depends on this one). */
function postgresUrl(): string {
  const url = process.env.HUB_TEST_POSTGRES_URL;
  if (!url) throw new Error('Run with libs/platform/jest.int.config.js (its globalSetup resolves PostgreSQL)');
  return url;
}

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../src/exchange-log/exchange-log-chain';
import { ExchangeLogStore } from '../src/exchange-log/exchange-log.store';
import { registerClient, startFakeUpstream, startGateway, TEST_ADMIN_KEY, type Gateway } from './support/gateway-harness';

const VERIFIER = join(__dirname, '../../../tools/receipt/verify-receipt.mjs');
const run = promisify(execFile);

async function verifyWithCli(receipt: string, keysFile: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [VERIFIER, '--receipt', receipt, '--keys', keysFile]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('exchange log and signed receipts', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
  let gateway: Gateway;
  let key: string;
  let sql: DataSource;

  beforeAll(async () => {
    upstream = await startFakeUpstream(() => ({ status: 201, body: { code: '000.00.15.H31-260112-0001' } }));
    gateway = await startGateway(upstream.url);
    key = await registerClient(gateway, 'log-portal', { agencyCodes: ['000.00.15.H31'], kind: 'agency-system' });
    sql = gateway.app.get(DataSource);
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const submit = (payload: object = { applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234' } }) =>
    gateway.app.inject({ method: 'POST', url: '/v1/dossiers?secret=001086001234', headers: { 'x-api-key': key, 'x-correlation-id': 'corr-log' }, payload });
  const verify = (query = '') => gateway.app.inject({ method: 'GET', url: `/v1/admin/exchange-log/verify${query}`, headers: { 'x-api-key': TEST_ADMIN_KEY } });

  it('records a state-changing exchange before answering, with hashes only, and signs a receipt the CLI verifies', async () => {
    const res = await submit();
    expect(res.statusCode).toBe(201);
    const receipt = String(res.headers['x-hub-receipt']);
    expect(receipt).toMatch(/^seq=\d+; at=\S+; hash=[0-9a-f]{64}; kid=\S+; sig=\S+$/);
    const seq = Number(/seq=(\d+)/.exec(receipt)![1]);

    const [row] = await sql.query('SELECT * FROM exchange_log WHERE seq = $1', [seq]);
    expect(row).toMatchObject({ client_id: 'log-portal', method: 'POST', path: '/v1/dossiers', agency_codes: ['000.00.15.H31'], status: 201, correlation_id: 'corr-log' });
    expect(JSON.stringify(row)).not.toMatch(/Nguy|001086001234/);
    expect(receipt).toContain(`hash=${row.entry_hash}`);

    const keys = await gateway.app.inject({ method: 'GET', url: '/.well-known/hub-receipt-keys' });
    const dir = await mkdtemp(join(tmpdir(), 'receipt-'));
    const keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, keys.body);
    const valid = await verifyWithCli(receipt, keysFile);
    expect(valid).toMatchObject({ code: 0, out: expect.stringContaining(`VALID: the hub recorded entry ${seq}`) });
    const forgedHash = receipt.replace(/hash=([0-9a-f])/, (_, c: string) => `hash=${c === '0' ? '1' : '0'}`);
    expect((await verifyWithCli(forgedHash, keysFile)).code).toBe(1);
  });

  it('logs no reads and no refusals at the door, but logs admin changes', async () => {
    const before = (await sql.query('SELECT count(*)::int AS n FROM exchange_log'))[0].n;
    const read = await gateway.app.inject({ method: 'GET', url: '/v1/dossiers/x', headers: { 'x-api-key': key } });
    expect(read.headers['x-hub-receipt']).toBeUndefined();
    const refused = await gateway.app.inject({ method: 'POST', url: '/v1/dossiers', payload: {} });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-hub-receipt']).toBeUndefined();
    const invalid = await gateway.app.inject({ method: 'PATCH', url: '/v1/admin/api-clients/log-portal', headers: { 'x-api-key': TEST_ADMIN_KEY }, payload: { roles: ['root'] } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['x-hub-receipt']).toBeUndefined();
    const patched = await gateway.app.inject({ method: 'PATCH', url: '/v1/admin/api-clients/log-portal', headers: { 'x-api-key': TEST_ADMIN_KEY }, payload: { name: 'Renamed' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers['x-hub-receipt']).toBeDefined();
    const after = await sql.query('SELECT client_id, method, path FROM exchange_log ORDER BY seq DESC LIMIT 1');
    expect(after).toEqual([{ client_id: 'bootstrap-admin', method: 'PATCH', path: '/v1/admin/api-clients/log-portal' }]);
    expect((await sql.query('SELECT count(*)::int AS n FROM exchange_log'))[0].n).toBe(before + 1);
  });

  it('appends 50 concurrent exchanges in groups: gap-free, the chain verifies, and each receipt names its own entry', async () => {
    const [{ seq: before }] = await sql.query('SELECT seq::int FROM exchange_log_head');
    const payloads = Array.from({ length: 50 }, (_, i) => ({ grouped: i }));
    const answers = await Promise.all(
      payloads.map((payload, i) =>
        gateway.app.inject({ method: 'POST', url: '/v1/dossiers', headers: { 'x-api-key': key, 'x-correlation-id': `corr-group-${i}` }, payload }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(payloads.map(() => 201));

    const rows: { seq: string; entry_hash: string; request_hash: string; correlation_id: string }[] = await sql.query(
      'SELECT seq, entry_hash, request_hash, correlation_id FROM exchange_log WHERE seq > $1 ORDER BY seq',
      [before],
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(payloads.map((_, i) => before + 1 + i));
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    answers.forEach((answer, i) => {
      const receipt = String(answer.headers['x-hub-receipt']);
      const entry = bySeq.get(Number(/seq=(\d+)/.exec(receipt)?.[1]));
      expect(entry).toMatchObject({ correlation_id: `corr-group-${i}`, request_hash: sha256Hex(JSON.stringify(payloads[i])) });
      expect(receipt).toContain(`hash=${entry?.entry_hash}`);
    });
    expect((await verify()).json()).toMatchObject({ valid: true, from: 1, to: before + 50, checked: before + 50 });
  });

  it('answers 503 EXCHANGE_LOG_UNAVAILABLE to every request of a group it could not write, and the chain goes on from the unmoved head', async () => {
    const [{ seq: before }] = await sql.query('SELECT seq::int FROM exchange_log_head');
    await sql.query(`CREATE FUNCTION exchange_log_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await sql.query('CREATE TRIGGER exchange_log_refuse_insert BEFORE INSERT ON exchange_log FOR EACH ROW EXECUTE FUNCTION exchange_log_refuse_insert()');
    try {
      const refused = await Promise.all(Array.from({ length: 8 }, (_, i) => submit({ lost: i })));
      expect(refused.map((a) => [a.statusCode, a.json().code, a.headers['x-hub-receipt']])).toEqual(refused.map(() => [503, 'EXCHANGE_LOG_UNAVAILABLE', undefined]));
    } finally {
      await sql.query('DROP TRIGGER exchange_log_refuse_insert ON exchange_log');
      await sql.query('DROP FUNCTION exchange_log_refuse_insert');
    }
    const next = await submit({ after: true });
    expect(next.statusCode).toBe(201);
    expect(String(next.headers['x-hub-receipt'])).toMatch(new RegExp(`^seq=${before + 1}; `));
    expect((await verify()).json()).toMatchObject({ valid: true, to: before + 1 });
  });

  it('chains after the entries another replica appended meanwhile: the head this one last left is checked, not trusted', async () => {
    expect((await submit({ first: true })).statusCode).toBe(201);
    // A second gateway replica on the same database appends two entries behind this one's back.
    const other = new ExchangeLogStore(sql);
    const record = (n: number) => ({ recordedAt: new Date(), clientId: 'other-replica', method: 'POST', path: '/v1/dossiers', agencyCodes: [], status: 201, requestHash: 'a'.repeat(64), responseHash: 'b'.repeat(64), correlationId: `corr-other-${n}` });
    const theirs = await other.appendAll([record(1), record(2)]);
    const mine = await submit({ after: 'other' });
    expect(mine.statusCode).toBe(201);
    expect(String(mine.headers['x-hub-receipt'])).toMatch(new RegExp(`^seq=${theirs[1].seq + 1}; `));
    // And the other replica, whose head is now stale in turn, chains after this one's entry.
    const [again] = await other.appendAll([record(3)]);
    expect(again.seq).toBe(theirs[1].seq + 2);
    expect((await verify()).json()).toMatchObject({ valid: true, to: again.seq });
  });

  it('chains concurrent appends without gaps; verify names the first broken entry after tampering', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit({ n: i })));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const intact = await verify();
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ valid: true, from: 1 });
    const total: number = intact.json().to;
    expect(intact.json().checked).toBe(total);

    await expect(sql.query(`UPDATE exchange_log SET status = 200 WHERE seq = 5`)).rejects.toThrow(/append-only/);
    await sql.query('ALTER TABLE exchange_log DISABLE TRIGGER exchange_log_append_only');
    await sql.query(`UPDATE exchange_log SET status = 200 WHERE seq = 5`);
    expect((await verify()).json()).toEqual({ valid: false, from: 1, to: total, checked: 4, firstBroken: { seq: 5, reason: 'EDITED' } });
    expect((await verify('?from=6')).json()).toMatchObject({ valid: true });

    await sql.query('DELETE FROM exchange_log WHERE seq = 9');
    expect((await verify('?from=6')).json()).toMatchObject({ valid: false, firstBroken: { seq: 9, reason: 'MISSING' } });
    expect((await verify('?from=0')).json().code).toBe('VALIDATION_FAILED');
  });
});

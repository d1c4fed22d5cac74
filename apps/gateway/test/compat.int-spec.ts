import { verifyIdentity } from '@hub/platform';
import { registerClient, startFakeUpstream, startGateway, startReplica, closeReplica, type Gateway } from './support/gateway-harness';

/**
 * The compatibility endpoint's transport, against real PostgreSQL and Redis, with a stand-in for the services that
 * records what the adapter sends: sessions (any replica, per client), scope checks before anything is forwarded,
 * payloads shaped like the open-source agency systems' turned into native commands with the caller's signed
 * identity, and every failure an HTTP 200 answer with a non-zero error_code. (The full round trip through the real
 * services is apps/e2e/src/compat.e2e-spec.ts.)
 */
describe('compatibility endpoint (/dvcqg) at the gateway', () => {
  let gateway: Gateway;
  let upstreamDown = false;
  const fake = startFakeUpstream((req) => {
    if (upstreamDown) return { status: 503, body: { code: 'UPSTREAM_UNAVAILABLE', message: { vi: 'x', en: 'x' } } };
    if (req.url === '/v1/dossiers:sync') {
      const { dossiers } = JSON.parse(req.body) as { dossiers: Array<{ code: string; status: number }> };
      return {
        status: 200,
        body: {
          results: dossiers.map((d) =>
            d.code.endsWith('-0002')
              ? { code: d.code, outcome: 'rejected', version: null, status: null, dueAt: null, problem: { code: 'INVALID_STATUS_TRANSITION', title: 't', detail: 'd', detailVi: 'Hồ sơ đang ở trạng thái 10 không thể chuyển sang trạng thái 4', field: 'status' } }
              : { code: d.code, outcome: 'created', version: 1, status: d.status, dueAt: null, lookupKey: 'K7M2Q9XP' },
          ),
        },
      };
    }
    return { status: 404, body: { code: 'DOSSIER_NOT_FOUND' } };
  });
  let upstream: Awaited<typeof fake>;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    upstream = await fake;
    gateway = await startGateway(upstream.url);
    key = await registerClient(gateway, 'hanoi-one-stop', { kind: 'agency-system', roles: ['dossier:sync', 'dossier:read'], agencyCodes: ['000.00.00.H31', '000.00.15.H31'] });
    otherKey = await registerClient(gateway, 'quangtri-one-stop', { kind: 'agency-system', roles: ['dossier:sync'], agencyCodes: ['000.00.00.H45'] });
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const post = (g: Gateway, url: string, payload: unknown) =>
    g.app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', charset: 'utf-8', dstcode: '000.00.00.G22' } });
  const login = async (g: Gateway, username: string, password: string) => (await post(g, '/dvcqg/login', { username, password })).json();
  const record = (seq: string, over: object = {}) => ({ MaHoSo: `000.00.15.H31-260112-${seq}`, MaTTHC: '1.001234', NgayTiepNhan: '20260112093000', TrangThaiHoSo: '4', ChuHoSo: 'Nguyễn Văn An', KenhThucHien: '2', Khac: 'x', ...over });

  it('logs in: HTTP 200 either way; a session only for the right key of the named client', async () => {
    for (const [username, password] of [['hanoi-one-stop', otherKey], ['quangtri-one-stop', key], ['hanoi-one-stop', 'wrong'], ['', ''], [undefined, undefined]]) {
      const res = await post(gateway, '/dvcqg/login', { username, password });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ error_code: 2, message: expect.not.stringContaining('thành công') });
    }
    const ok = await login(gateway, 'hanoi-one-stop', key);
    expect(ok).toEqual({ error_code: 0, message: 'Đăng nhập thành công', session: expect.stringMatching(/^dvcqg\./) });
  });

  it('turns DongBoHoSoMC into one native sync with the caller’s signed identity, answering per record', async () => {
    const { session } = await login(gateway, 'hanoi-one-stop', key);
    upstream.seen.length = 0;
    const res = await post(gateway, '/dvcqg/integration', { session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', isUpdating: 'False', data: [record('0001'), record('0002'), record('0003', { NgayTiepNhan: '12/01/2026 09:30:00' })] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.error_code).toBe(13);
    expect(body.result).toEqual([
      { MaHoSo: '000.00.15.H31-260112-0001', error_code: 0, message: 'Thành công', KetQua: 'created', TrangThaiHoSo: '4', MaTraCuu: 'K7M2Q9XP' },
      { MaHoSo: '000.00.15.H31-260112-0002', error_code: 10, message: expect.stringContaining('(trường TrangThaiHoSo)') },
      { MaHoSo: '000.00.15.H31-260112-0003', error_code: 7, message: expect.stringContaining('NgayTiepNhan') },
    ]);
    expect(upstream.seen).toHaveLength(1);
    const [sent] = upstream.seen;
    expect(sent.url).toBe('/v1/dossiers:sync');
    expect(verifyIdentity(String(sent.headers['x-hub-identity']), { keys: gateway.identityKeys, binding: { audience: 'dossier', method: 'POST', path: sent.url } })).toMatchObject({ clientId: 'hanoi-one-stop', kind: 'agency-system' });
    const native = JSON.parse(sent.body).dossiers;
    expect(native).toHaveLength(2);
    expect(native[0]).toEqual({ code: '000.00.15.H31-260112-0001', procedureCode: '1.001234', receivingAgencyCode: '000.00.15.H31', channel: 'ONLINE', status: 4, receivedAt: '2026-01-12T09:30:00+07:00', applicant: { fullName: 'Nguyễn Văn An' } });
    const share = await post(gateway, '/dvcqg/share', { session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0004')] });
    expect(share.json()).toMatchObject({ error_code: 0, message: 'Đồng bộ hồ sơ thành công' });
  });

  it('refuses before forwarding: bad sessions, another client’s agency, unknown services, a data object, 2,000 records', async () => {
    const { session } = await login(gateway, 'hanoi-one-stop', key);
    const { session: otherSession } = await login(gateway, 'quangtri-one-stop', otherKey);
    upstream.seen.length = 0;
    const cases: Array<[object, number, string]> = [
      [{ session: 'dvcqg.x.y', madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0001')] }, 1, 'session'],
      [{ madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0001')] }, 1, 'session'],
      [{ session, madonvi: '000.00.00.H45', service: 'DongBoHoSoMC', data: [record('0001')] }, 4, 'madonvi'],
      [{ session: otherSession, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0001')] }, 4, 'madonvi'],
      [{ session: otherSession, madonvi: '000.00.00.H45', service: 'DongBoHoSoMC', data: [record('0001')] }, 4, 'MaHoSo'],
      [{ session, service: 'DongBoHoSoMC', data: [record('0001')] }, 5, 'madonvi'],
      [{ session, madonvi: '000.00.00.H31', service: 'XoaHoSo' }, 3, 'XoaHoSo'],
      [{ session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: record('0001') }, 5, 'data'],
      [{ session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: Array.from({ length: 2000 }, (_, i) => record(String(1000 + i))) }, 6, 'data'],
      [{ session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0001', { TrangThaiHoSo: '11' }), record('0005', { TrangThaiHoSo: '' })] }, 7, 'TrangThaiHoSo'],
      [{ session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0001', { NgayTiepNhan: '20261332250000' })] }, 7, 'NgayTiepNhan'],
      [{ session, madonvi: '000.00.00.H31', service: 'CapNhatTienDoHoSoMC', data: [{ MaHoSo: '000.00.15.H31-260112-0001', ThoiDiemXuLy: '13/01/2026 09:00:00', TrangThai: '4' }] }, 7, 'ThoiDiemXuLy'],
    ];
    for (const [payload, errorCode, named] of cases) {
      const res = await post(gateway, '/dvcqg/integration', payload);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ error_code: errorCode, message: expect.stringContaining(named) });
      expect(res.json().message).not.toContain('thành công');
    }
    expect(upstream.seen).toHaveLength(0);
    const lookup = await post(gateway, '/dvcqg/integration', { session: otherSession, madonvi: '000.00.00.H45', service: 'TraCuuHoSo', mahoso: '000.00.15.H31-260112-0001' });
    expect(lookup.json()).toEqual({ error_code: 0, message: 'Tra cứu hồ sơ thành công', result: [] });
    expect(upstream.seen).toHaveLength(0);
  });

  it('a session works on every replica; a disabled client’s session stops; services down is error 99, never a 5xx', async () => {
    const { session } = await login(gateway, 'hanoi-one-stop', key);
    const replica = await startReplica(gateway, upstream.url);
    try {
      expect((await post(replica, '/dvcqg/integration', { session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0006')] })).json()).toMatchObject({ error_code: 0 });
      upstreamDown = true;
      const down = await post(replica, '/dvcqg/integration', { session, madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', data: [record('0007')] });
      expect(down.statusCode).toBe(200);
      expect(down.json()).toMatchObject({ error_code: 99 });
      upstreamDown = false;
      const { session: otherSession } = await login(replica, 'quangtri-one-stop', otherKey);
      await gateway.app.inject({ method: 'PATCH', url: '/v1/admin/api-clients/quangtri-one-stop', headers: { 'x-api-key': 'hub_0a1b2c3d_' + 'C'.repeat(43) }, payload: { active: false } });
      // A replica that has not cached the client sees the change at once (the others within 30 s).
      expect((await post(replica, '/dvcqg/integration', { session: otherSession, madonvi: '000.00.00.H45', service: 'TraCuuHoSo', mahoso: '000.00.00.H45-260112-0001' })).json()).toMatchObject({ error_code: 1 });
    } finally {
      upstreamDown = false;
      await closeReplica(replica);
    }
  });
});

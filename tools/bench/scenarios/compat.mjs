// compat: what the compatibility adapter (`POST /dvcqg/integration`, service `DongBoHoSoMC`: session check, the
// national portal's vocabulary mapped record by record, one native hub-ordered sync, the answer mapped back) adds to
// the native `POST /v1/dossiers:sync` of the same dossiers through the same gateway. Both sides create new dossiers of
// the same shape (the native records are exactly what the adapter sends), in batches and one at a time (the way most
// one-stop systems call it: one dossier per change, answer within 6 s).
import { performance } from 'node:perf_hooks';
import { fmt, median } from '../lib/stats.mjs';
import { seedSyncReferenceData, syncGatewayEnv } from '../lib/sync-hub.mjs';

export const name = 'compat';
export const description =
  'DongBoHoSoMC through /dvcqg/integration (the national portal vocabulary, session, per-record mapping) vs the native ' +
  'POST /v1/dossiers:sync of the same new dossiers through the gateway, in 500-record batches and one record per call.';

const BATCH = 500;
// A code no catalogue event on the broker uses (a fresh consumer group replays the catalogue topics).
const PROCEDURE = `9.${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
const AGENCIES = Array.from({ length: 4 }, (_, i) => `000.00.${String(60 + i).padStart(2, '0')}.H31`);
const PROVINCE = '000.00.00.H31';

/** Dossier `seq` as a one-stop system sends it to the national portal: every value a string, dates yyyyMMddHHmmss. */
function compatRecord(seq) {
  const agency = AGENCIES[seq % AGENCIES.length];
  return {
    MaHoSo: `${agency}-260112-${String(seq).padStart(6, '0')}`,
    MaTTHC: PROCEDURE,
    TenTTHC: '',
    MaLinhVuc: '',
    TenLinhVuc: '',
    SoBienNhan: `BN-${seq}`,
    ChuHoSo: 'Phạm Thị Dung',
    LoaiDoiTuong: '1',
    MaDoiTuong: '',
    Email: 'dung.pham@example.vn',
    SoDienThoai: '0912345678',
    TrichYeuHoSo: 'Đăng ký khai sinh cho con (benchmark)',
    NgayTiepNhan: '20260112090000',
    NgayHenTra: '20260119170000',
    TrangThaiHoSo: '4',
    NgayTra: '',
    HinhThuc: '0',
    NgayKetThucXuLy: '',
    DonViXuLy: 'Phòng Tư pháp',
    KenhThucHien: '1',
    SoGiayToChuHoSo: '001190000123',
    TaiLieuNop: [
      { TenTepDinhKem: 'Tờ khai đăng ký khai sinh', MaThanhPhanHoSo: 'TP01', TepDinhKemId: `${seq}-1`, DuongDanTaiTepTin: `https://one-stop.example/f/${seq}-1?t=${seq}`, IsDeleted: 'False' },
      { TenTepDinhKem: 'Giấy chứng sinh', MaThanhPhanHoSo: 'TP02', TepDinhKemId: `${seq}-2`, DuongDanTaiTepTin: `https://one-stop.example/f/${seq}-2?t=${seq}`, IsDeleted: 'False' },
    ],
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: '50000', LoaiPhiLePhi: '1' }],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
  };
}

/** The native hub-ordered record the adapter makes of `compatRecord(seq)` (no version, no statusChangedAt). */
function nativeRecord(seq) {
  const agency = AGENCIES[seq % AGENCIES.length];
  return {
    code: `${agency}-260112-${String(seq).padStart(6, '0')}`,
    procedureCode: PROCEDURE,
    receivingAgencyCode: agency,
    channel: 'COUNTER',
    status: 4,
    receivedAt: '2026-01-12T09:00:00+07:00',
    applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190000123', phone: '0912345678', email: 'dung.pham@example.vn' },
    summary: 'Đăng ký khai sinh cho con (benchmark)',
    appointmentAt: '2026-01-19T17:00:00+07:00',
    documents: [
      { id: `${seq}-1`, componentCode: 'TP01', name: 'Tờ khai đăng ký khai sinh', copies: 1, digitised: true },
      { id: `${seq}-2`, componentCode: 'TP02', name: 'Giấy chứng sinh', copies: 1, digitised: true },
    ],
    fees: [{ code: 'LP01', name: 'Lệ phí đăng ký khai sinh', amount: 50000 }],
  };
}

export async function run(ctx) {
  const hub = await ctx.startHub({ apps: ['gateway', 'dossier'], env: { gateway: syncGatewayEnv('compat') } });
  await seedSyncReferenceData(ctx, hub.databases.dossier, PROCEDURE, AGENCIES);
  const clientId = `bench-compat-${hub.suffix}`;
  const apiKey = await hub.registerClient({ clientId, kind: 'agency-system', roles: ['dossier:sync', 'dossier:read'], agencyCodes: [PROVINCE, ...AGENCIES] });
  const login = await hub.request('POST', '/dvcqg/login', { body: { username: clientId, password: apiKey } });
  if (login.body?.error_code !== 0) throw new Error(`compat login answered ${JSON.stringify(login.body)}`);
  const session = login.body.session;

  // Each side creates its own dossiers (sequence numbers from its own range), so both always do the same work.
  let nativeSeq = 100_000;
  let compatSeq = 500_000;
  const take = (n, from) => Array.from({ length: n }, (_, i) => from + i);

  const nativeSync = async (seqs) => {
    const res = await fetch(`${hub.url}/v1/dossiers:sync`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ dossiers: seqs.map(nativeRecord) }),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`sync answered ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    const bad = body.results.filter((r) => r.outcome !== 'created');
    if (bad.length > 0) throw new Error(`sync: ${bad.length} records not created, e.g. ${JSON.stringify(bad[0])}`);
  };
  const compatSync = async (seqs) => {
    const res = await fetch(`${hub.url}/dvcqg/integration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', charset: 'utf-8' },
      body: JSON.stringify({ session, madonvi: PROVINCE, service: 'DongBoHoSoMC', isUpdating: 'False', data: seqs.map(compatRecord) }),
    });
    const body = await res.json();
    if (res.status !== 200 || body.error_code !== 0) throw new Error(`DongBoHoSoMC answered ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    const bad = body.result.filter((r) => r.KetQua !== 'created');
    if (bad.length > 0) throw new Error(`DongBoHoSoMC: ${bad.length} records not created, e.g. ${JSON.stringify(bad[0])}`);
  };
  // Warm-up (JIT, pools, the session's client lookup), and a check that both sides store the same dossier.
  await nativeSync(take(2, nativeSeq));
  await compatSync(take(2, compatSeq));
  nativeSeq += 2;
  compatSeq += 2;
  // What the record decides (not what the hub adds later, such as the overdue watch's dueState).
  const CONTENT = ['version', 'status', 'procedureCode', 'receivingAgencyCode', 'channel', 'applicant', 'summary', 'receivedAt', 'appointmentAt', 'dueAt', 'steps', 'documents', 'fees', 'results'];
  const view = async (seq) => (await hub.request('GET', `/v1/dossiers/${nativeRecord(seq).code}`, { apiKey })).body;
  const [native, compat] = [await view(100_000), await view(500_000)];
  const differing = CONTENT.filter((k) => JSON.stringify(native?.[k]) !== JSON.stringify(compat?.[k]));
  if (differing.length > 0) ctx.note(`The native and the compat dossier differ in ${differing.join(', ')}: the sides do not do the same work.`);
  ctx.log('native sync and DongBoHoSoMC both answer with created dossiers');

  /** Sequential calls of `size` records for the measured duration (at least 3): records/s, p50 and max call time. */
  const measure = (send, side, size) => async () => {
    const latencies = [];
    const t0 = performance.now();
    while (latencies.length < 3 || performance.now() - t0 < ctx.options.durationSec * 1000) {
      const seqs = side === 'native' ? take(size, nativeSeq) : take(size, compatSeq);
      if (side === 'native') nativeSeq += size;
      else compatSeq += size;
      const t = performance.now();
      await send(seqs);
      latencies.push(performance.now() - t);
    }
    const secs = (performance.now() - t0) / 1000;
    return { rps: (latencies.length * size) / secs, p50: median(latencies), max: Math.max(...latencies) };
  };
  const metrics = (what) => [
    { key: 'rps', metric: `throughput, ${what}, one call after another`, unit: 'records/s', better: 'higher' },
    { key: 'p50', metric: `p50 time of one call (${what})`, unit: 'ms', better: 'lower' },
  ];
  const batches = await ctx.compare({
    baseline: { label: `native sync of ${BATCH} new dossiers`, measure: measure(nativeSync, 'native', BATCH) },
    subject: { label: `DongBoHoSoMC of ${BATCH} new dossiers`, measure: measure(compatSync, 'compat', BATCH) },
    metrics: metrics(`${BATCH}-record calls`),
  });
  const singles = await ctx.compare({
    baseline: { label: 'native sync of one new dossier', measure: measure(nativeSync, 'native', 1) },
    subject: { label: 'DongBoHoSoMC of one new dossier', measure: measure(compatSync, 'compat', 1) },
    metrics: metrics('1-record calls'),
  });
  const worst = Math.max(...singles.samples.subject.map((s) => s.max));
  await hub.stop();
  return {
    baseline: 'POST /v1/dossiers:sync through the gateway (API key) with the hub-ordered records the adapter would send',
    subject: 'POST /dvcqg/integration DongBoHoSoMC (session) with the same dossiers in the national portal vocabulary',
    rows: [...batches.rows, ...singles.rows],
    notes: [
      `Longest one-record DongBoHoSoMC call over the measured windows: ${fmt(worst)} ms (clients time out at 6,000 ms).`,
      `Batches of ${BATCH} (the adapter's limit is 1,000 per call); both sides create new dossiers of the same shape, first seen in status 4.`,
    ],
  };
}

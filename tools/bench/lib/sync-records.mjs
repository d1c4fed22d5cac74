// The sync records the dossier-sync and sync-cpu scenarios send: what an agency system syncs about a birth
// registration, at a given version.

export const BATCH = 1000;

/** The table of the raw baseline (and of the bare chain's handler): one jsonb row per record, keyed by code. */
export const RAW_SYNC_TABLE = 'CREATE TABLE raw_sync (code text PRIMARY KEY, version int NOT NULL, doc jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())';

/** The raw baseline's one statement: a multi-row `INSERT ... ON CONFLICT (code) DO UPDATE` of `records` as jsonb rows. */
export function rawUpsert(client, records) {
  const values = records.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ');
  const params = records.flatMap((r) => [r.code, r.version, JSON.stringify(r)]);
  return client.query(
    `INSERT INTO raw_sync (code, version, doc) VALUES ${values} ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = now()`,
    params,
  );
}
// A code no catalogue event on the broker uses (a fresh consumer group replays the catalogue topics).
export const PROCEDURE = `9.${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
export const AGENCIES = Array.from({ length: 8 }, (_, i) => `000.00.${String(40 + i).padStart(2, '0')}.H31`);
const RECEIVED = Date.parse('2026-01-12T09:00:00+07:00');
const HOUR = 3600_000;
const at = (ms) => new Date(ms + 7 * HOUR).toISOString().replace('Z', '+07:00').replace('.000', '');

/**
 * Record `seq` at `version`: accepted (2) and processing (4) on 12 January 2026, then one step per later version,
 * alternating supplement requested (5, a pause) and processing (4). About 1.3 KB of JSON, like a real sync record.
 */
export function record(seq, version) {
  const agency = AGENCIES[seq % AGENCIES.length];
  const steps = [
    { at: at(RECEIVED), status: 2, handledBy: 'Nguyễn Thị Bích', position: 'Chuyên viên', unit: 'Bộ phận một cửa', content: 'Tiếp nhận hồ sơ' },
    { at: at(RECEIVED + HOUR), status: 4, handledBy: 'Trần Văn Cường', position: 'Chuyên viên', unit: 'Phòng Tư pháp', content: 'Thụ lý hồ sơ' },
  ];
  for (let v = 2; v <= version; v++) {
    steps.push({ at: at(RECEIVED + v * HOUR), status: v % 2 === 0 ? 5 : 4, handledBy: 'Trần Văn Cường', unit: 'Phòng Tư pháp', content: `Bước xử lý ${v}` });
  }
  const last = steps.at(-1);
  return {
    code: `${agency}-260112-${String(seq).padStart(6, '0')}`,
    version,
    procedureCode: PROCEDURE,
    receivingAgencyCode: agency,
    channel: 'COUNTER',
    status: last.status,
    receivedAt: at(RECEIVED),
    statusChangedAt: last.at,
    applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190000123', phone: '0912345678', address: `Số ${seq} phố Huế, Hà Nội` },
    summary: 'Đăng ký khai sinh cho con (benchmark)',
    appointmentAt: at(RECEIVED + 5 * 24 * HOUR),
    steps,
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', copies: 1, digitised: true },
      { name: 'Giấy chứng sinh', copies: 1, digitised: true },
    ],
    fees: [{ code: 'LP01', name: 'Lệ phí đăng ký khai sinh', amount: 50000 }],
    lookupKey: `K${String(seq).padStart(9, '0')}`,
  };
}

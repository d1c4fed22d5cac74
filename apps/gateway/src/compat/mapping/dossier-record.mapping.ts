import { DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '@hub/contracts';
import { parseCompatDate } from './compat-dates';

/**
 * `DongBoHoSoMC` record (the national portal's vocabulary, every value a string) → the native sync record of
 * `POST /v1/dossiers:sync`, hub-ordered (no `version`: the hub's arrival order). Pure. Liberal: only `MaHoSo`,
 * `MaTTHC`, `NgayTiepNhan` and `TrangThaiHoSo` are required, unknown fields are ignored, contact details that do not
 * fit (a phone with letters, an ID number that is not 9 or 12 digits) are left out rather than refused. Strict on
 * what it keeps: dates are `yyyyMMddHHmmss`, statuses 1–10, amounts whole VND. Documents are identified by their
 * id (or, without one, by name and component), never by URL: the URL changes on every re-send and is not kept.
 */
export interface NativeSyncRecord {
  code: string;
  procedureCode: string;
  receivingAgencyCode: string;
  channel: 'COUNTER' | 'ONLINE' | 'POSTAL';
  status: number;
  receivedAt: string;
  statusChangedAt?: string;
  applicant: { fullName?: string; idNumber?: string; phone?: string; email?: string; address?: string };
  summary?: string;
  appointmentAt?: string;
  steps?: Array<{ at: string; status: number; content?: string }>;
  documents?: Array<{ id?: string; componentCode?: string; name: string; copies: number; digitised: boolean }>;
  fees?: Array<{ code: string; name: string; amount: number }>;
  results?: Array<{ id?: string; name: string; electronic: boolean }>;
  supplements?: Array<{ id?: string; at: string; requestedAt?: string; note?: string }>;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const CHANNELS: Record<string, NativeSyncRecord['channel']> = { '1': 'COUNTER', '2': 'ONLINE', '3': 'POSTAL' };
const STATUS = /^(10|[1-9])$/;

/** A value the clients send as a string (numbers tolerated), trimmed; empty → undefined. */
export function text(value: unknown): string | undefined {
  const t = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  return t ? t.normalize('NFC') : undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const truthy = (value: unknown): boolean => value === true || (typeof value === 'string' && ['true', '1'].includes(value.trim().toLowerCase()));

function list(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) && value.every(isRecord) ? value : undefined;
}

/** `75000`, `75.000`, `75,000`, `75000.0` → 75000; anything else → undefined. */
export function wholeVnd(value: unknown): number | undefined {
  const t = text(value) ?? '0';
  if (/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d+(?:\.0+)?$/.test(t)) return Math.trunc(Number(t));
  return undefined;
}

class Refusal {
  constructor(
    readonly field: string,
    readonly message: string,
  ) {}
}

function date(record: Record<string, unknown>, field: string, required = false, named = field): string | undefined {
  const parsed = parseCompatDate(record[field] === undefined ? undefined : typeof record[field] === 'string' ? (record[field] as string).trim() : record[field]);
  if (!parsed.ok) throw new Refusal(named, `${named} phải là ngày giờ dạng yyyyMMddHHmmss có thật (ví dụ 20260112093000)`);
  if (!parsed.iso && required) throw new Refusal(named, `Thiếu ${named}`);
  return parsed.iso ?? undefined;
}

export function mapDossierRecord(raw: unknown): Mapped<NativeSyncRecord> {
  try {
    return { ok: true, value: map(raw) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function map(raw: unknown): NativeSyncRecord {
  if (!isRecord(raw)) throw new Refusal('data', 'Mỗi phần tử của data phải là một hồ sơ (đối tượng JSON)');
  const code = text(raw.MaHoSo);
  if (!code) throw new Refusal('MaHoSo', 'Thiếu MaHoSo');
  if (!DOSSIER_CODE_PATTERN.test(code)) throw new Refusal('MaHoSo', `MaHoSo ${code} không đúng dạng <mã cơ quan>-<yyMMdd>-<số thứ tự>`);
  const procedureCode = text(raw.MaTTHC);
  if (!procedureCode) throw new Refusal('MaTTHC', 'Thiếu MaTTHC');
  if (!PROCEDURE_CODE_PATTERN.test(procedureCode)) throw new Refusal('MaTTHC', `MaTTHC ${procedureCode} không đúng dạng mã thủ tục (ví dụ 1.001234)`);
  const statusText = text(raw.TrangThaiHoSo);
  if (!statusText || !STATUS.test(statusText)) throw new Refusal('TrangThaiHoSo', `TrangThaiHoSo phải là một mã trạng thái từ 1 đến 10, nhận được "${String(raw.TrangThaiHoSo ?? '')}"`);
  const status = Number(statusText);
  const receivedAt = date(raw, 'NgayTiepNhan', true) as string;
  const kenh = text(raw.KenhThucHien);
  const channel = kenh === undefined ? 'COUNTER' : CHANNELS[kenh];
  if (!channel) throw new Refusal('KenhThucHien', `KenhThucHien phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính), nhận được "${kenh}"`);
  const appointmentAt = date(raw, 'NgayHenTra');
  const finishedAt = date(raw, 'NgayKetThucXuLy');
  const returnedAt = date(raw, 'NgayTra');
  const refusedAt = date(raw, 'NgayTuChoi');
  date(raw, 'NgayNopHoSo');

  const record: NativeSyncRecord = {
    code,
    procedureCode,
    receivingAgencyCode: code.slice(0, code.indexOf('-')),
    channel,
    status,
    receivedAt,
    applicant: applicantOf(raw),
  };
  const statusChangedAt = status === 9 ? finishedAt : status === 10 ? returnedAt : status === 3 ? refusedAt : status === 2 ? receivedAt : undefined;
  if (statusChangedAt) record.statusChangedAt = statusChangedAt;
  // The change to 9 happened at NgayKetThucXuLy even when the dossier is already returned (10).
  if (status === 10 && finishedAt) record.steps = [{ at: finishedAt, status: 9 }];
  const summary = text(raw.TrichYeuHoSo);
  if (summary) record.summary = summary;
  if (appointmentAt) record.appointmentAt = appointmentAt;
  const documents = documentsOf(raw.TaiLieuNop);
  if (documents.length > 0) record.documents = documents;
  const fees = feesOf(raw.DanhSachLePhi);
  if (fees.length > 0) record.fees = fees;
  const results = resultsOf(raw.DanhSachGiayToKetQua);
  if (results.length > 0) record.results = results;
  const supplements = supplementsOf(raw.DanhSachHoSoBoSung);
  if (supplements.length > 0) record.supplements = supplements;
  return record;
}

function applicantOf(raw: Record<string, unknown>): NativeSyncRecord['applicant'] {
  const applicant: NativeSyncRecord['applicant'] = {};
  const name = text(raw.ChuHoSo);
  if (name) applicant.fullName = name.slice(0, 200);
  const idNumber = text(raw.SoGiayToChuHoSo);
  if (idNumber && /^(\d{9}|\d{12})$/.test(idNumber)) applicant.idNumber = idNumber;
  const phone = text(raw.SoDienThoai)?.replace(/[\s.()-]/g, '');
  if (phone && /^\+?\d{9,15}$/.test(phone)) applicant.phone = phone;
  const email = text(raw.Email);
  if (email && email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) applicant.email = email;
  const address = text(raw.DiaChiChuHoSo) ?? text(raw.DiaChi);
  if (address) applicant.address = address.slice(0, 500);
  return applicant;
}

function documentsOf(value: unknown): NonNullable<NativeSyncRecord['documents']> {
  const items = list(value);
  if (!items) throw new Refusal('TaiLieuNop', 'TaiLieuNop phải là một mảng tài liệu');
  const byIdentity = new Map<string, NonNullable<NativeSyncRecord['documents']>[number]>();
  for (const [i, item] of items.entries()) {
    if (truthy(item.IsDeleted)) continue;
    const id = text(item.TepDinhKemId);
    const componentCode = text(item.MaThanhPhanHoSo);
    const name = text(item.TenTepDinhKem) ?? componentCode;
    if (!name) throw new Refusal(`TaiLieuNop[${i}].TenTepDinhKem`, `Thiếu TenTepDinhKem của TaiLieuNop[${i}]`);
    const identity = id ? `id:${id}` : `name:${componentCode ?? ''}|${name}`;
    byIdentity.set(identity, { ...(id ? { id } : {}), ...(componentCode ? { componentCode } : {}), name, copies: 1, digitised: true });
  }
  return [...byIdentity.values()];
}

function feesOf(value: unknown): NonNullable<NativeSyncRecord['fees']> {
  const items = list(value);
  if (!items) throw new Refusal('DanhSachLePhi', 'DanhSachLePhi phải là một mảng phí, lệ phí');
  return items.map((item, i) => {
    const amount = wholeVnd(item.Gia);
    if (amount === undefined) throw new Refusal(`DanhSachLePhi[${i}].Gia`, `Gia của DanhSachLePhi[${i}] phải là số tiền nguyên (đồng)`);
    const name = text(item.TenPhiLePhi) ?? 'Phí, lệ phí';
    return { code: (text(item.MaPhiLePhi) ?? `LP${i + 1}`).slice(0, 50), name, amount };
  });
}

function resultsOf(value: unknown): NonNullable<NativeSyncRecord['results']> {
  const items = list(value);
  if (!items) throw new Refusal('DanhSachGiayToKetQua', 'DanhSachGiayToKetQua phải là một mảng giấy tờ kết quả');
  const byIdentity = new Map<string, NonNullable<NativeSyncRecord['results']>[number]>();
  for (const [i, item] of items.entries()) {
    const name = text(item.TenGiayTo);
    if (!name) throw new Refusal(`DanhSachGiayToKetQua[${i}].TenGiayTo`, `Thiếu TenGiayTo của DanhSachGiayToKetQua[${i}]`);
    const id = text(item.GiayToId);
    if (id && id.length > 200) throw new Refusal(`DanhSachGiayToKetQua[${i}].GiayToId`, `GiayToId của DanhSachGiayToKetQua[${i}] dài quá 200 ký tự`);
    // Kept as the result's id: the same GiayToId re-sent (with a new URL) is the same document.
    byIdentity.set(id ? `id:${id}` : `name:${text(item.MaThanhPhanHoSo) ?? ''}|${name}`, { ...(id ? { id } : {}), name, electronic: Boolean(text(item.DuongDanTepTinKetQua)) });
  }
  return [...byIdentity.values()];
}

/**
 * `DanhSachHoSoBoSung[]` → the native supplements: each request the applicant has answered (`NgayTiepNhanBoSung`,
 * when the agency took the documents in) is one, identified by `HoSoBoSungId` (or by its time and content), with
 * `NgayBoSung` (when the agency asked) and `NoiDungBoSung`. A request not answered yet is not a supplement: the
 * dossier's status 5 says the agency is waiting. Other fields of the entry are tolerated and not kept.
 */
function supplementsOf(value: unknown): NonNullable<NativeSyncRecord['supplements']> {
  const items = list(value);
  if (!items) throw new Refusal('DanhSachHoSoBoSung', 'DanhSachHoSoBoSung phải là một mảng hồ sơ bổ sung');
  const byIdentity = new Map<string, NonNullable<NativeSyncRecord['supplements']>[number]>();
  for (const [i, item] of items.entries()) {
    const field = (name: string) => `DanhSachHoSoBoSung[${i}].${name}`;
    const requestedAt = date(item, 'NgayBoSung', false, field('NgayBoSung'));
    const at = date(item, 'NgayTiepNhanBoSung', false, field('NgayTiepNhanBoSung'));
    if (!at) continue;
    const id = text(item.HoSoBoSungId);
    if (id && id.length > 200) throw new Refusal(field('HoSoBoSungId'), `HoSoBoSungId của DanhSachHoSoBoSung[${i}] dài quá 200 ký tự`);
    const note = text(item.NoiDungBoSung)?.slice(0, 2000);
    byIdentity.set(id ? `id:${id}` : `at:${at}|${note ?? ''}`, { ...(id ? { id } : {}), at, ...(requestedAt ? { requestedAt } : {}), ...(note ? { note } : {}) });
  }
  return [...byIdentity.values()];
}

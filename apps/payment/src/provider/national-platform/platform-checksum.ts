import { createHash, timingSafeEqual } from 'node:crypto';

/** The national payment platform's message version (`PhienBan`). */
export const PLATFORM_VERSION = '1.0.6';

export const INIT_FIELDS = [
  'LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'LoaiHinhThanhToan', 'MaKenhThanhToan', 'MaThietBi',
  'NgonNgu', 'MaTienTe', 'MaNganHang', 'ThongTinGiaoDich', 'ThoiGianGD', 'Ip',
] as const;
/** QUERY, GET_BILL (and the sandbox's settlement statement, whose `MaThamChieu` is the day `yyyyMMdd`). */
export const QUERY_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'] as const;
export const CALLBACK_FIELDS = [
  'LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich',
] as const;
/** The hub's answer to a callback. */
export const CALLBACK_REPLY_FIELDS = ['MaLoi', 'MoTaLoi', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'] as const;
/** A refund order (the platform's refund dialect as the sandbox speaks it; `MaThamChieu` is the refund's own reference). */
export const REFUND_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'MaThamChieuGoc', 'SoTien', 'ThoiGianGD'] as const;

/** Lower-case hex SHA-256 of the fields' values joined by `|`, then `|<secret>`. A missing field counts as empty. */
export function platformChecksum(message: Record<string, unknown>, fields: readonly string[], secret: string): string {
  const parts = fields.map((f) => {
    const v = message[f];
    return v === undefined || v === null ? '' : String(v);
  });
  return createHash('sha256').update([...parts, secret].join('|'), 'utf8').digest('hex');
}

/** Compares two checksums in constant time (for equal lengths; a different length is a mismatch at once). */
export function checksumMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

const HCM_OFFSET_MS = 7 * 3600_000;

/** `yyyyMMddHHmmss`, 24-hour clock, in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). */
export function formatPlatformTime(at: Date): string {
  const d = new Date(at.getTime() + HCM_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** The instant of a `yyyyMMddHHmmss` time in Asia/Ho_Chi_Minh, or undefined when it is not one. */
export function parsePlatformTime(v: unknown): Date | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(utc - HCM_OFFSET_MS);
}

/** Whether a message's `ThoiGianGD` lies within the accepted window around now (replays of old messages are refused). */
export function withinTimeWindow(at: Date | undefined, now: Date, window: { pastMs: number; futureMs: number }): boolean {
  if (!at) return false;
  const delta = at.getTime() - now.getTime();
  return delta <= window.futureMs && -delta <= window.pastMs;
}

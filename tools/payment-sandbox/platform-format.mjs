// The national payment platform's message format (PhienBan 1.0.6) as the sandbox speaks it: the same field lists
// and checksums as the hub's adapter (apps/payment/src/provider/national-platform/platform-checksum.ts), kept
// separate on purpose: the sandbox plays the other side and must not share the hub's code.
import { createHash, timingSafeEqual } from 'node:crypto';

export const VERSION = '1.0.6';
export const INIT_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'LoaiHinhThanhToan', 'MaKenhThanhToan', 'MaThietBi', 'NgonNgu', 'MaTienTe', 'MaNganHang', 'ThongTinGiaoDich', 'ThoiGianGD', 'Ip'];
export const QUERY_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'];
export const CALLBACK_FIELDS = ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'];
export const REPLY_FIELDS = ['MaLoi', 'MoTaLoi', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'];
export const REFUND_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'MaThamChieuGoc', 'SoTien', 'ThoiGianGD'];

export function checksum(message, fields, secret) {
  return createHash('sha256').update([...fields.map((f) => (message[f] === undefined || message[f] === null ? '' : String(message[f]))), secret].join('|'), 'utf8').digest('hex');
}

export function checksumOk(message, fields, secret) {
  const expected = Buffer.from(checksum(message, fields, secret));
  const given = Buffer.from(typeof message.MaXacThuc === 'string' ? message.MaXacThuc.toLowerCase() : '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7). */
export function platformTime(at = new Date()) {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** yyyy-MM-dd of an instant in Asia/Ho_Chi_Minh. */
export function vietnamDay(at) {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A signed result callback, as the platform sends it to a partner. */
export function signedCallback({ type = 'PAY', code, partnerCode, reference, amount, transactionId, bank = 'SANDBOXBANK', info = '', at = new Date() }, secret) {
  const m = {
    LoaiBanTin: type,
    MaLoi: code,
    MaDoiTac: partnerCode,
    MaThamChieu: reference,
    SoTien: String(amount),
    MaTienTe: 'VND',
    MaGiaoDich: transactionId,
    MaNganHang: bank,
    ThoiGianGD: platformTime(at),
    ThongTinGiaoDich: info,
  };
  m.MaXacThuc = checksum(m, CALLBACK_FIELDS, secret);
  return m;
}

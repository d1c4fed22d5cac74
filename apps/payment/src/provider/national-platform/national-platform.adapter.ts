import { parseProviderAmount } from '../../shared/money';
import {
  ProviderUnavailableError,
  type CallbackAnswer,
  type CallbackVerification,
  type CreatePaymentInput,
  type PaymentProvider,
  type ProviderReceipt,
  type ProviderStatus,
  type StatementLine,
} from '../payment-provider';
import {
  CALLBACK_FIELDS,
  CALLBACK_REPLY_FIELDS,
  checksumMatches,
  formatPlatformTime,
  INIT_FIELDS,
  parsePlatformTime,
  PLATFORM_VERSION,
  platformChecksum,
  QUERY_FIELDS,
  REFUND_FIELDS,
  withinTimeWindow,
} from './platform-checksum';
import { parseSettlementCsv } from './settlement-csv';

export interface NationalPlatformSettings {
  /** Name in the callback URL and in stored payments (`sandbox` for the simulator). */
  name: string;
  /** The platform's message endpoint (one URL; the message type is `LoaiBanTin`). */
  url: string;
  partnerCode: string;
  secret: string;
  /** How old (or how far ahead) a callback's `ThoiGianGD` may be. */
  callbackWindow: { pastMs: number; futureMs: number };
  timeoutMs: number;
}

const FEE_KIND = (code: string): '1' | '2' => (/^LP/i.test(code) ? '2' : '1');

/**
 * The national payment platform (Nền tảng thanh toán trên DVCQG), message version 1.0.6: INIT, QUERY, GET_BILL and
 * result callbacks, each authenticated by a SHA-256 checksum over its fields and the partner's secret.
 */
export class NationalPlatformAdapter implements PaymentProvider {
  constructor(private readonly settings: NationalPlatformSettings) {}

  get name(): string {
    return this.settings.name;
  }

  async createPayment(input: CreatePaymentInput): Promise<{ paymentUrl: string }> {
    const message: Record<string, unknown> = {
      LoaiBanTin: 'INIT',
      PhienBan: PLATFORM_VERSION,
      MaDoiTac: this.settings.partnerCode,
      MaThamChieu: input.reference,
      SoTien: String(input.amount),
      LoaiHinhThanhToan: 'PAY',
      MaKenhThanhToan: '1',
      MaThietBi: '1',
      NgonNgu: 'vi-VN',
      MaTienTe: 'VND',
      MaNganHang: '',
      ThongTinGiaoDich: input.description,
      ThoiGianGD: formatPlatformTime(input.at),
      Ip: input.clientIp,
      ThongTinBienLai: {
        MaHoSo: input.dossierCode,
        MaTTHC: input.procedureCode,
        MaCoQuan: input.agencyCode,
        TaiKhoanThuHuong: input.treasuryAccount,
        PhiLePhi: input.fees.map((f) => ({ LoaiPhiLePhi: FEE_KIND(f.code), MaPhiLePhi: f.code, TenPhiLePhi: f.name, SoTien: String(f.amount) })),
      },
      // Not covered by the checksum: where the payment page sends the citizen's browser back.
      UrlTraVe: input.returnUrl,
    };
    message.MaXacThuc = platformChecksum(message, INIT_FIELDS, this.settings.secret);
    const reply = await this.post(message);
    const url = reply.UrlThanhToan;
    if (reply.MaLoi !== '00' || typeof url !== 'string') throw new ProviderUnavailableError(`INIT refused: ${String(reply.MaLoi)} ${String(reply.MoTaLoi ?? '')}`);
    return { paymentUrl: url };
  }

  verifyCallback(body: unknown, now: Date): CallbackVerification {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'NOT_AN_OBJECT' };
    const m = body as Record<string, unknown>;
    const reference = typeof m.MaThamChieu === 'string' ? m.MaThamChieu.slice(0, 50) : undefined;
    for (const f of CALLBACK_FIELDS) {
      const v = m[f];
      if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') return { ok: false, reason: `FIELD_${f}_NOT_TEXT`, reference };
    }
    if (m.MaDoiTac !== this.settings.partnerCode) return { ok: false, reason: 'UNKNOWN_PARTNER', reference };
    if (!checksumMatches(platformChecksum(m, CALLBACK_FIELDS, this.settings.secret), m.MaXacThuc)) return { ok: false, reason: 'BAD_CHECKSUM', reference };
    const occurredAt = parsePlatformTime(m.ThoiGianGD);
    if (!withinTimeWindow(occurredAt, now, this.settings.callbackWindow)) return { ok: false, reason: 'OUTSIDE_TIME_WINDOW', reference };
    if (!reference) return { ok: false, reason: 'NO_REFERENCE' };
    return {
      ok: true,
      callback: {
        reference,
        paid: m.MaLoi === '00',
        resultCode: String(m.MaLoi ?? ''),
        amount: parseProviderAmount(m.SoTien),
        currency: String(m.MaTienTe ?? ''),
        transactionId: String(m.MaGiaoDich ?? '').slice(0, 100),
        bankCode: String(m.MaNganHang ?? '').slice(0, 50),
        occurredAt,
      },
    };
  }

  answerCallback(answer: CallbackAnswer, now: Date): object {
    const reply: Record<string, string> = {
      MaLoi: answer.accepted ? '00' : '99',
      MoTaLoi: answer.description,
      MaDoiTac: this.settings.partnerCode,
      MaThamChieu: answer.reference ?? '',
      ThoiGianGD: formatPlatformTime(now),
    };
    reply.MaXacThuc = platformChecksum(reply, CALLBACK_REPLY_FIELDS, this.settings.secret);
    return reply;
  }

  async queryStatus(reference: string, now: Date): Promise<ProviderStatus> {
    const reply = await this.post(this.shortMessage('QUERY', reference, now));
    if (reply.MaLoi !== '00') return { status: 'UNKNOWN' };
    const state = reply.TrangThai;
    if (state === 'PAID') {
      const amount = parseProviderAmount(reply.SoTien);
      if (amount === undefined) return { status: 'UNKNOWN' };
      return { status: 'PAID', amount, transactionId: String(reply.MaGiaoDich ?? ''), bankCode: String(reply.MaNganHang ?? '') };
    }
    if (state === 'FAILED') return { status: 'FAILED', resultCode: String(reply.MaLoiGiaoDich ?? '') };
    return { status: state === 'PENDING' ? 'PENDING' : 'UNKNOWN' };
  }

  async getReceipt(reference: string, now: Date): Promise<ProviderReceipt> {
    const reply = await this.post(this.shortMessage('GET_BILL', reference, now));
    if (reply.MaLoi !== '00') return {};
    const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : undefined);
    return { receiptNumber: text(reply.SoBienLai), treasuryAccount: text(reply.TaiKhoanThuHuong) };
  }

  async refund(input: { refundReference: string; paymentReference: string; amount: number; at: Date }): Promise<{ accepted: boolean; detail: string }> {
    const message: Record<string, unknown> = {
      LoaiBanTin: 'REFUND',
      PhienBan: PLATFORM_VERSION,
      MaDoiTac: this.settings.partnerCode,
      MaThamChieu: input.refundReference,
      MaThamChieuGoc: input.paymentReference,
      SoTien: String(input.amount),
      ThoiGianGD: formatPlatformTime(input.at),
    };
    message.MaXacThuc = platformChecksum(message, REFUND_FIELDS, this.settings.secret);
    const reply = await this.post(message);
    return { accepted: reply.MaLoi === '00', detail: String(reply.MoTaLoi ?? reply.MaLoi ?? '') };
  }

  async fetchStatement(date: string, now: Date): Promise<string> {
    const res = await this.send(this.shortMessage('SETTLEMENT', date.replaceAll('-', ''), now));
    if (!res.ok) throw new ProviderUnavailableError(`settlement statement of ${date}: HTTP ${res.status}`);
    return res.text();
  }

  parseStatement(csv: string): StatementLine[] {
    return parseSettlementCsv(csv);
  }

  private shortMessage(type: string, reference: string, now: Date): Record<string, unknown> {
    const m: Record<string, unknown> = {
      LoaiBanTin: type,
      PhienBan: PLATFORM_VERSION,
      MaDoiTac: this.settings.partnerCode,
      MaThamChieu: reference,
      ThoiGianGD: formatPlatformTime(now),
    };
    m.MaXacThuc = platformChecksum(m, QUERY_FIELDS, this.settings.secret);
    return m;
  }

  private async post(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await this.send(message);
    if (!res.ok) throw new ProviderUnavailableError(`${String(message.LoaiBanTin)}: HTTP ${res.status}`);
    const body = (await res.json()) as unknown;
    if (typeof body !== 'object' || body === null) throw new ProviderUnavailableError(`${String(message.LoaiBanTin)}: not a JSON object`);
    return body as Record<string, unknown>;
  }

  private async send(message: Record<string, unknown>): Promise<Response> {
    try {
      return await fetch(this.settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (e) {
      throw new ProviderUnavailableError(`${String(message.LoaiBanTin)}: ${(e as Error).message}`);
    }
  }
}

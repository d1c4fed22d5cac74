import type { FieldError } from '@hub/platform';
import { MAX_FEE_LINE_VND } from '@hub/contracts';

/**
 * Maps one record of the national portal's `LayThuTuc` answer (upper-case Vietnamese keys) to the hub's own
 * shape, which is then validated like any other record. The mapping only translates vocabulary; it never
 * invents data: anything it cannot translate is a field error of that record.
 *
 * Accepted keys (others are rejected, except the informational ones in IGNORED_KEYS):
 *   MATTHC, TENTTHC, LINHVUCTHUCHIEN[{MALINHVUC,TENLINHVUC}], COQUANCONGBO (code or [{MADONVI}]),
 *   COQUANTHUCHIEN[{MADONVI,TENDONVI}], TRINHTUTHUCHIEN (text or [{TENTRINHTU|TRINHTU, NOIDUNG}]),
 *   CACHTHUCTHUCHIEN[{KENH 1|2|3, THOIGIAN[{THOIGIANGIAIQUYET, DONVITINH, PHILEPHI[{MAPHILEPHI,SOTIEN,MOTA}], MOTA}]}],
 *   THANHPHANHOSO[{TRUONGHOP?, GIAYTO[{TENGIAYTO, MAUDON|TENMAUDON, URL, SOBANCHINH, SOBANSAO}]}],
 *   DOITUONGTHUCHIEN (text or [{TENDOITUONG}]), KETQUATHUCHIEN (text or [{TENKETQUA}]), YEUCAUDIEUKIEN (text),
 *   CANCUPHAPLY[{SOVANBAN, TENVANBAN, NGAYBANHANH, COQUANBANHANH}], MUCDO, QUYETDINHCONGBO{SOQUYETDINH,
 *   NGAYBANHANH, MACOQUANBANHANH, RUTGON}, NGAYHIEULUC (→ effectiveFrom).
 * Dates: dd/MM/yyyy, yyyy-MM-dd or yyyyMMddHHmmss (Asia/Ho_Chi_Minh).
 */
export const LAY_THU_TUC_KEYS = [
  'MATTHC',
  'TENTTHC',
  'LINHVUCTHUCHIEN',
  'COQUANCONGBO',
  'COQUANTHUCHIEN',
  'TRINHTUTHUCHIEN',
  'CACHTHUCTHUCHIEN',
  'THANHPHANHOSO',
  'DOITUONGTHUCHIEN',
  'KETQUATHUCHIEN',
  'YEUCAUDIEUKIEN',
  'CANCUPHAPLY',
  'MUCDO',
  'QUYETDINHCONGBO',
  'NGAYHIEULUC',
] as const;

/** Informational keys of LayThuTuc answers the hub does not store. */
export const IGNORED_KEYS = ['ID', 'LOAITTHC', 'CAPTHUCHIEN', 'MOTA', 'TRANGTHAI', 'NGAYCAPNHAT', 'DIADIEMTHUCHIEN', 'LIENTHONG'] as const;

const CHANNEL_BY_KENH: Record<string, string> = { '1': 'COUNTER', '2': 'ONLINE', '3': 'POSTAL' };

export type MappedRecord = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export function isLayThuTucRecord(record: unknown): boolean {
  return typeof record === 'object' && record !== null && !Array.isArray(record) && 'MATTHC' in record;
}

export function mapLayThuTuc(record: Record<string, unknown>): MappedRecord {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string, code = 'LAYTHUTUC_UNMAPPABLE') => {
    errors.push({ field, code, message });
    return undefined;
  };
  for (const key of Object.keys(record)) {
    if (!(LAY_THU_TUC_KEYS as readonly string[]).includes(key) && !(IGNORED_KEYS as readonly string[]).includes(key)) {
      fail(key, `${key} is not a LayThuTuc field the hub accepts`, 'UNKNOWN_FIELD');
    }
  }

  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : []);
  const textList = (value: unknown, key: string): string[] => {
    if (typeof value === 'string') return splitLines(value);
    return list(value).map((o) => text(o[key])).filter((s): s is string => !!s);
  };

  const decision = isObject(record.QUYETDINHCONGBO) ? record.QUYETDINHCONGBO : {};
  const decisionDate = parseLayThuTucDate(decision.NGAYBANHANH);
  if (decision.NGAYBANHANH !== undefined && !decisionDate) fail('QUYETDINHCONGBO.NGAYBANHANH', 'must be a date as dd/MM/yyyy, yyyy-MM-dd or yyyyMMddHHmmss');
  const issuing = text(decision.MACOQUANBANHANH);

  const publishers = typeof record.COQUANCONGBO === 'string' ? [record.COQUANCONGBO.trim()] : list(record.COQUANCONGBO).map((o) => text(o.MADONVI));

  const channels = list(record.CACHTHUCTHUCHIEN).map((c, i) => {
    const kenh = text(c.KENH) ?? '';
    const channel = CHANNEL_BY_KENH[kenh] ?? fail(`CACHTHUCTHUCHIEN.${i}.KENH`, 'KENH must be 1 (trực tiếp), 2 (trực tuyến) or 3 (bưu chính)');
    const [time] = list(c.THOIGIAN);
    if (!time) return fail(`CACHTHUCTHUCHIEN.${i}.THOIGIAN`, 'a time limit (THOIGIAN) is required');
    const timeLimit = parseTimeLimit(time.THOIGIANGIAIQUYET, time.DONVITINH, `CACHTHUCTHUCHIEN.${i}.THOIGIAN.0`, fail);
    const fees = list(time.PHILEPHI).map((f, j) => ({
      code: text(f.MAPHILEPHI) ?? `PLP${j + 1}`,
      name: text(f.MOTA) || text(f.TENPHILEPHI) || 'Phí, lệ phí',
      amount: parseAmount(f.SOTIEN, `CACHTHUCTHUCHIEN.${i}.THOIGIAN.0.PHILEPHI.${j}.SOTIEN`, fail),
    }));
    return { channel, timeLimit, fees, ...(text(time.MOTA) ? { description: text(time.MOTA) } : {}) };
  });

  const steps =
    typeof record.TRINHTUTHUCHIEN === 'string'
      ? splitLines(record.TRINHTUTHUCHIEN).map((title) => ({ title: title.slice(0, 500) }))
      : list(record.TRINHTUTHUCHIEN).map((s) => {
          const title = text(s.TENTRINHTU) || text(s.TRINHTU) || text(s.NOIDUNG) || '';
          const description = text(s.NOIDUNG);
          return { title: title.slice(0, 500), ...(description && description !== title ? { description } : {}) };
        });

  const documents = list(record.THANHPHANHOSO).flatMap((tp) =>
    list(tp.GIAYTO).map((g) => {
      const [form] = list(g.MAUDON);
      const formName = text(g.TENMAUDON) || (typeof g.MAUDON === 'string' ? g.MAUDON.trim() : text(form?.TENMAUDON));
      const formUrl = text(g.URL) || text(form?.URL);
      return {
        name: text(g.TENGIAYTO) ?? '',
        ...(formName ? { formName } : {}),
        ...(formUrl ? { formUrl } : {}),
        originals: toCount(g.SOBANCHINH),
        copies: toCount(g.SOBANSAO),
      };
    }),
  );

  const legalBasis = list(record.CANCUPHAPLY).map((l, i) => {
    const issued = parseLayThuTucDate(l.NGAYBANHANH);
    if (l.NGAYBANHANH !== undefined && l.NGAYBANHANH !== '' && !issued) fail(`CANCUPHAPLY.${i}.NGAYBANHANH`, 'must be a date');
    return {
      number: text(l.SOVANBAN) ?? '',
      title: text(l.TENVANBAN) ?? '',
      ...(issued ? { issuedDate: issued } : {}),
      ...(text(l.COQUANBANHANH) ? { issuedBy: text(l.COQUANBANHANH) } : {}),
    };
  });

  const effectiveFrom = parseLayThuTucDate(record.NGAYHIEULUC);
  if (record.NGAYHIEULUC !== undefined && !effectiveFrom) fail('NGAYHIEULUC', 'must be a date');

  if (errors.length > 0) return { ok: false, errors };
  const conditions = text(record.YEUCAUDIEUKIEN);
  return {
    ok: true,
    value: {
      code: text(record.MATTHC),
      name: text(record.TENTTHC),
      sectorCodes: list(record.LINHVUCTHUCHIEN).map((s) => text(s.MALINHVUC)),
      publishingAgencyCode: publishers[0] ?? issuing,
      implementingAgencyCodes: list(record.COQUANTHUCHIEN).map((a) => text(a.MADONVI)),
      steps,
      channels,
      requiredDocuments: documents,
      subjects: textList(record.DOITUONGTHUCHIEN, 'TENDOITUONG'),
      results: textList(record.KETQUATHUCHIEN, 'TENKETQUA'),
      conditions: conditions && !/^(không|khong)\.?$/i.test(conditions) ? [conditions] : [],
      legalBasis,
      onlineLevel: onlineLevelOf(text(record.MUCDO)),
      publicationDecision: {
        number: text(decision.SOQUYETDINH),
        date: decisionDate,
        issuingAgencyCode: issuing ?? publishers[0],
        ...(decision.RUTGON === true || decision.RUTGON === '1' || decision.RUTGON === 1 ? { fastTrack: true } : {}),
      },
      ...(effectiveFrom ? { effectiveFrom } : {}),
    },
  };
}

/** `Ngày làm việc` → WORKING_DAY, `Ngày` → DAY, `Giờ làm việc`/`Giờ` → WORKING_HOUR; half days become 4 working hours. */
function parseTimeLimit(
  amountValue: unknown,
  unitValue: unknown,
  field: string,
  fail: (field: string, message: string) => undefined,
): { amount: number; unit: string } | undefined {
  const unitText = typeof unitValue === 'string' ? unitValue.trim() : '';
  const unit = unitOf(unitText);
  const amount = typeof amountValue === 'number' ? amountValue : typeof amountValue === 'string' ? Number(amountValue.trim().replace(',', '.')) : NaN;
  if (!unit) return fail(`${field}.DONVITINH`, `time-limit unit "${unitText.slice(0, 40)}" does not exist (Ngày làm việc, Ngày, Giờ làm việc)`);
  if (!Number.isFinite(amount) || amount <= 0) return fail(`${field}.THOIGIANGIAIQUYET`, 'must be a positive number');
  if (Number.isInteger(amount)) return { amount, unit };
  if (unit === 'WORKING_DAY' && Number.isInteger(amount * 8)) return { amount: amount * 8, unit: 'WORKING_HOUR' };
  return fail(`${field}.THOIGIANGIAIQUYET`, `${amount} ${unitText} is not a whole number of units`);
}

function unitOf(text: string): string | undefined {
  if (['WORKING_DAY', 'DAY', 'WORKING_HOUR'].includes(text)) return text;
  const t = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  if (t === 'ngày làm việc') return 'WORKING_DAY';
  if (t === 'ngày' || t === 'ngày (theo ngày dương lịch)') return 'DAY';
  if (t === 'giờ làm việc' || t === 'giờ') return 'WORKING_HOUR';
  return undefined;
}

/**
 * `75.000`, `75,000`, `75000`, `75.000 đồng` → 75000; `Không`, `Miễn phí`, empty → 0. Negative or fractional
 * amounts are errors (money is whole VND); so is anything else that is not clearly an amount.
 */
export function parseAmount(value: unknown, field: string, fail: (field: string, message: string) => undefined): number {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= MAX_FEE_LINE_VND) return value;
    fail(field, 'a fee must be a whole, non-negative number of VND');
    return NaN;
  }
  const t = String(value).trim().toLowerCase().replace(/\s*(đồng|đ|vnđ|vnd)\.?$/u, '').trim();
  if (t === '' || /^(không|khong|miễn phí|mien phi|0)$/u.test(t)) return 0;
  const digits = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(t) ? t.replace(/[.,]/g, '') : /^\d+$/.test(t) ? t : undefined;
  if (digits !== undefined) {
    // Compared as digits: past 2^53 a JS number is no longer exact, and no fee comes near 10^12 VND.
    const amount = BigInt(digits);
    if (amount <= BigInt(MAX_FEE_LINE_VND)) return Number(amount);
    fail(field, `a fee must not exceed ${MAX_FEE_LINE_VND} VND (10^12)`);
    return NaN;
  }
  fail(field, `"${String(value).slice(0, 40)}" is not a whole, non-negative amount of VND`);
  return NaN;
}

/** `dd/MM/yyyy`, `yyyy-MM-dd` or `yyyyMMddHHmmss` → `YYYY-MM-DD`; anything else → undefined. */
export function parseLayThuTucDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{6})?$/.exec(v);
  const iso = dmy
    ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`
    : compact
      ? `${compact[1]}-${compact[2]}-${compact[3]}`
      : /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? v
        : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function onlineLevelOf(mucDo: string | undefined): string {
  const t = (mucDo ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, '');
  if (['4', 'toantrinh', 'toàntrình', 'full'].includes(t)) return 'FULL';
  if (['3', 'motphan', 'mộtphần', 'partial'].includes(t)) return 'PARTIAL';
  return 'NONE';
}

function toCount(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : 0;
  return Number.isFinite(n) ? n : -1;
}

function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.replace(/^[-–•+*\s]+/, '').trim())
    .filter((s) => s.length > 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

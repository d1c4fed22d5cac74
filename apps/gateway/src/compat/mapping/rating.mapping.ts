import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { isRecord, text, type Mapped } from './dossier-record.mapping';

/** A native monthly aggregate of `PUT /v1/ratings/satisfaction-summaries`. */
export interface NativeSatisfactionSummary {
  agencyCode: string;
  month: string;
  question: string;
  questionText?: string;
  respondents: number;
  answers: Array<{ answer: string; label?: string; percent: number }>;
}

const PERCENT = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/;
const KNOWN = new Set(['MaDonVi', 'NgayTongHop', 'MaCauHoi', 'NoiDungCauHoi', 'TongSoNguoiDanhGia', 'DanhSachCauTraLoi']);

function percentOf(value: unknown): number | undefined {
  const t = typeof value === 'number' ? String(value) : text(value);
  const m = t ? PERCENT.exec(t) : null;
  if (!m) return undefined;
  const n = Number(m[1].replace(',', '.'));
  return n <= 100 ? n : undefined;
}

/**
 * `DongBoDanhGia` record → native monthly aggregate. `NgayTongHop` is `M-YYYY` (→ `YYYY-MM`), `TongSoNguoiDanhGia`
 * a whole number (or its digits as a string), percentages strings such as "62%". Answers come either as
 * `DanhSachCauTraLoi[{MaCauTraLoi, NoiDungCauTraLoi, TyLe}]` or as top-level fields whose value is a percentage
 * (`TyLeRatHaiLong: "62%"`); the question defaults to `TONG_HOP` and the agency to the call's `madonvi`. Pure.
 */
export function mapRatingRecord(raw: unknown, index: number, madonvi: string): Mapped<NativeSatisfactionSummary> {
  const field = (name: string) => `data[${index}].${name}`;
  if (!isRecord(raw)) return { ok: false, field: `data[${index}]`, message: `data[${index}] phải là một bản ghi tổng hợp đánh giá (đối tượng JSON)` };
  const agencyCode = text(raw.MaDonVi) ?? madonvi;
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) return { ok: false, field: field('MaDonVi'), message: `MaDonVi ${agencyCode.slice(0, 40)} không đúng dạng mã đơn vị` };
  const month = /^(1[0-2]|0?[1-9])-(\d{4})$/.exec(text(raw.NgayTongHop) ?? '');
  if (!month) return { ok: false, field: field('NgayTongHop'), message: `NgayTongHop của data[${index}] phải có dạng M-YYYY (ví dụ 3-2026)` };
  const total = typeof raw.TongSoNguoiDanhGia === 'number' ? raw.TongSoNguoiDanhGia : Number(text(raw.TongSoNguoiDanhGia) ?? 'x');
  if (!Number.isInteger(total) || total < 0 || total > 2_000_000_000) return { ok: false, field: field('TongSoNguoiDanhGia'), message: `TongSoNguoiDanhGia của data[${index}] phải là số nguyên không âm` };
  const answers: NativeSatisfactionSummary['answers'] = [];
  const listed = raw.DanhSachCauTraLoi;
  if (listed !== undefined && listed !== null && listed !== '') {
    if (!Array.isArray(listed)) return { ok: false, field: field('DanhSachCauTraLoi'), message: `DanhSachCauTraLoi của data[${index}] phải là một mảng` };
    for (const [i, a] of listed.entries()) {
      const percent = isRecord(a) ? percentOf(a.TyLe) : undefined;
      const answer = isRecord(a) ? (text(a.MaCauTraLoi) ?? text(a.NoiDungCauTraLoi)) : undefined;
      if (!isRecord(a) || !answer || percent === undefined) return { ok: false, field: field(`DanhSachCauTraLoi[${i}]`), message: `DanhSachCauTraLoi[${i}] của data[${index}] cần MaCauTraLoi và TyLe dạng "62%"` };
      const label = text(a.NoiDungCauTraLoi);
      answers.push({ answer: answer.slice(0, 100), ...(label ? { label: label.slice(0, 500) } : {}), percent });
    }
  }
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN.has(key) || typeof value !== 'string' || !value.trim().endsWith('%')) continue;
    const percent = percentOf(value);
    if (percent === undefined) return { ok: false, field: field(key), message: `${key} của data[${index}] phải là tỷ lệ phần trăm từ 0% đến 100%` };
    answers.push({ answer: key.slice(0, 100), percent });
  }
  const questionText = text(raw.NoiDungCauHoi);
  return {
    ok: true,
    value: {
      agencyCode,
      month: `${month[2]}-${month[1].padStart(2, '0')}`,
      question: (text(raw.MaCauHoi) ?? 'TONG_HOP').slice(0, 100),
      ...(questionText ? { questionText: questionText.slice(0, 1000) } : {}),
      respondents: total,
      answers: answers.slice(0, 50),
    },
  };
}

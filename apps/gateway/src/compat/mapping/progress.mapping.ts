import { DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { parseCompatDate } from './compat-dates';
import { isRecord, text, type Mapped } from './dossier-record.mapping';

/** A native step of `POST /v1/dossiers:record-steps`. */
export interface NativeStep {
  code: string;
  at: string;
  status: number;
  handledBy?: string;
  position?: string;
  unit?: string;
  content?: string;
  /** `NgayBatDau`: when the step started (informative). */
  startedAt?: string;
  /** `NgayKetThucTheoQuyDinh`: the end the agency's rules set for the step (informative; the hub computes the due date). */
  dueAt?: string;
}

const cut = (value: string | undefined, max: number): string | undefined => (value ? value.slice(0, max) : undefined);

/**
 * `CapNhatTienDoHoSoMC` record → native step. Required: `MaHoSo`, `ThoiDiemXuLy` (yyyyMMddHHmmss) and `TrangThai`
 * (1–10); `NguoiXuLy`, `ChucDanh`, `PhongBanXuLy`, `NoiDungXuLy` are kept, and so are `NgayBatDau` and
 * `NgayKetThucTheoQuyDinh` as the step's `startedAt` and `dueAt` (informative: the hub computes the dossier's own due
 * date). Pure.
 */
export function mapProgressRecord(raw: unknown, index: number): Mapped<NativeStep> {
  const at = (field: string) => `data[${index}].${field}`;
  if (!isRecord(raw)) return { ok: false, field: `data[${index}]`, message: `data[${index}] phải là một bản ghi tiến độ (đối tượng JSON)` };
  const code = text(raw.MaHoSo);
  if (!code) return { ok: false, field: at('MaHoSo'), message: `Thiếu MaHoSo của data[${index}]` };
  if (!DOSSIER_CODE_PATTERN.test(code)) return { ok: false, field: at('MaHoSo'), message: `MaHoSo ${code} không đúng dạng <mã cơ quan>-<yyMMdd>-<số thứ tự>` };
  const time = parseCompatDate(typeof raw.ThoiDiemXuLy === 'string' ? raw.ThoiDiemXuLy.trim() : raw.ThoiDiemXuLy);
  if (!time.ok || !time.iso) return { ok: false, field: at('ThoiDiemXuLy'), message: `ThoiDiemXuLy của data[${index}] phải là ngày giờ dạng yyyyMMddHHmmss có thật` };
  const terms: Record<string, string | null> = {};
  for (const field of ['NgayBatDau', 'NgayKetThucTheoQuyDinh']) {
    const value = raw[field];
    const parsed = parseCompatDate(typeof value === 'string' ? value.trim() : value);
    if (!parsed.ok) return { ok: false, field: at(field), message: `${field} của data[${index}] phải là ngày giờ dạng yyyyMMddHHmmss có thật` };
    terms[field] = parsed.iso;
  }
  const status = text(raw.TrangThai);
  if (!status || !/^(10|[1-9])$/.test(status)) return { ok: false, field: at('TrangThai'), message: `TrangThai của data[${index}] phải là một mã trạng thái từ 1 đến 10, nhận được "${String(raw.TrangThai ?? '')}"` };
  const step: NativeStep = { code, at: time.iso, status: Number(status) };
  const handledBy = cut(text(raw.NguoiXuLy), 200);
  const position = cut(text(raw.ChucDanh), 200);
  const unit = cut(text(raw.PhongBanXuLy), 500);
  const content = cut(text(raw.NoiDungXuLy), 5000);
  if (handledBy) step.handledBy = handledBy;
  if (position) step.position = position;
  if (unit) step.unit = unit;
  if (content) step.content = content;
  if (terms.NgayBatDau) step.startedAt = terms.NgayBatDau;
  if (terms.NgayKetThucTheoQuyDinh) step.dueAt = terms.NgayKetThucTheoQuyDinh;
  return { ok: true, value: step };
}

import { formatCompatDate } from './compat-dates';

/** The parts of the native `GET /v1/dossiers/{code}` answer the vocabulary shows. */
export interface NativeDossierView {
  code: string;
  status: number;
  statusName: { vi: string };
  procedureCode: string;
  receivingAgencyCode: string;
  channel: 'COUNTER' | 'ONLINE' | 'POSTAL';
  applicant: { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string };
  summary: string | null;
  receivedAt: string;
  statusChangedAt: string;
  appointmentAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  steps: Array<{ at: string; status: number; handledBy: string | null; position: string | null; unit: string | null; content: string | null; startedAt?: string | null; dueAt?: string | null }>;
  documents: Array<{ id?: string; componentCode?: string; name: string }>;
  fees: Array<{ code: string; name: string; amount: number }>;
  results: Array<{ id?: string; name: string; number: string | null; electronic: boolean }>;
  supplements?: Array<{ id?: string; at: string; requestedAt: string | null; note: string | null }>;
}

/** What the catalogue says about the dossier's procedure (names the record does not carry). */
export interface ProcedureNames {
  name?: string;
  sectorCode?: string;
  sectorName?: string;
}

const KENH = { COUNTER: '1', ONLINE: '2', POSTAL: '3' } as const;

/**
 * Native dossier → the `TraCuuHoSo` record, in the same vocabulary as `DongBoHoSoMC` (every value a string, dates
 * yyyyMMddHHmmss in Asia/Ho_Chi_Minh, "" when unknown), plus its progress (`QuaTrinhXuLy`). Pure.
 */
export function compatDossierOf(view: NativeDossierView, names: ProcedureNames): Record<string, unknown> {
  // 10 is terminal: the last status change of a returned dossier is its return.
  const returnedAt = view.status === 10 ? view.statusChangedAt : null;
  return {
    MaHoSo: view.code,
    MaTTHC: view.procedureCode,
    TenTTHC: names.name ?? '',
    MaLinhVuc: names.sectorCode ?? '',
    TenLinhVuc: names.sectorName ?? '',
    KenhThucHien: KENH[view.channel],
    ChuHoSo: view.applicant.fullName,
    SoGiayToChuHoSo: view.applicant.idNumber ?? '',
    Email: view.applicant.email ?? '',
    SoDienThoai: view.applicant.phone ?? '',
    DiaChiChuHoSo: view.applicant.address ?? '',
    TrichYeuHoSo: view.summary ?? '',
    NgayTiepNhan: formatCompatDate(view.receivedAt),
    NgayHenTra: formatCompatDate(view.appointmentAt ?? view.dueAt),
    HanXuLy: formatCompatDate(view.dueAt),
    TrangThaiHoSo: String(view.status),
    TenTrangThaiHoSo: view.statusName.vi,
    NgayKetThucXuLy: formatCompatDate(view.finishedAt),
    NgayTra: formatCompatDate(returnedAt),
    DonViXuLy: view.receivingAgencyCode,
    TaiLieuNop: view.documents.map((d) => ({ TenTepDinhKem: d.name, MaThanhPhanHoSo: d.componentCode ?? '', TepDinhKemId: d.id ?? '', DuongDanTaiTepTin: '', IsDeleted: 'False' })),
    DanhSachLePhi: view.fees.map((f) => ({ TenPhiLePhi: f.name, MaPhiLePhi: f.code, HinhThucThu: '', Gia: String(f.amount), LoaiPhiLePhi: '' })),
    DanhSachGiayToKetQua: view.results.map((r) => ({ TenGiayTo: r.name, MaThanhPhanHoSo: '', GiayToId: r.id ?? '', DuongDanTepTinKetQua: '' })),
    DanhSachHoSoBoSung: (view.supplements ?? []).map((s) => ({
      HoSoBoSungId: s.id ?? '',
      NoiDungBoSung: s.note ?? '',
      NgayBoSung: formatCompatDate(s.requestedAt),
      NgayTiepNhanBoSung: formatCompatDate(s.at),
    })),
    QuaTrinhXuLy: view.steps.map((s) => ({
      MaHoSo: view.code,
      NguoiXuLy: s.handledBy ?? '',
      ChucDanh: s.position ?? '',
      ThoiDiemXuLy: formatCompatDate(s.at),
      PhongBanXuLy: s.unit ?? '',
      NoiDungXuLy: s.content ?? '',
      TrangThai: String(s.status),
      NgayBatDau: formatCompatDate(s.startedAt),
      NgayKetThucTheoQuyDinh: formatCompatDate(s.dueAt),
    })),
  };
}

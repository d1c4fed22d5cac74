import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN } from '../codes/codes';
import { definePacket } from '../packets';

/**
 * The compatibility vocabulary (`POST /dvcqg/login`, `/dvcqg/integration`, `/dvcqg/share`): the national portal's
 * integration interface that existing agency systems speak. Every value is a string, dates `yyyyMMddHHmmss` in
 * Asia/Ho_Chi_Minh, unknown fields tolerated. Answers are HTTP 200 with `error_code` 0 (the number) or non-zero.
 */
const COMPACT_DATE = /^(\d{14})?$/;
const STATUS = /^(10|[1-9])$/;

class CompatCallV1 {
  /** The session of POST /dvcqg/login. */
  @IsString() session!: string;
  /** One of the caller's agencies. */
  @Matches(AGENCY_CODE_PATTERN) madonvi!: string;
}

export class CompatLoginRequestV1 {
  /** The hub's API client id. */
  @IsString() username!: string;
  /** The client's API key. */
  @IsString() password!: string;
}

export class CompatLoginAnswerV1 {
  @IsInt() error_code!: number;
  @IsString() message!: string;
  @IsOptional() @IsString() session?: string;
}

export class CompatDocumentV1 {
  @IsString() TenTepDinhKem!: string;
  @IsOptional() @IsString() MaThanhPhanHoSo?: string;
  /** Identifies the document across re-sends (never the URL, which changes every time). */
  @IsOptional() @IsString() TepDinhKemId?: string;
  @IsOptional() @IsString() DuongDanTaiTepTin?: string;
  @IsOptional() @IsIn(['True', 'False', 'true', 'false', '1', '0']) IsDeleted?: string;
}

export class CompatFeeV1 {
  @IsString() TenPhiLePhi!: string;
  @IsOptional() @IsString() MaPhiLePhi?: string;
  @IsOptional() @IsString() HinhThucThu?: string;
  /** Whole VND, as a string. */
  @Matches(/^[0-9.,]*$/) Gia!: string;
  @IsOptional() @IsString() LoaiPhiLePhi?: string;
}

export class CompatResultDocumentV1 {
  @IsString() TenGiayTo!: string;
  @IsOptional() @IsString() MaThanhPhanHoSo?: string;
  @IsOptional() @IsString() GiayToId?: string;
  @IsOptional() @IsString() DuongDanTepTinKetQua?: string;
}

/** One dossier of DongBoHoSoMC (a full snapshot); required: MaHoSo, MaTTHC, NgayTiepNhan, TrangThaiHoSo. */
export class CompatDossierV1 {
  @Matches(DOSSIER_CODE_PATTERN) MaHoSo!: string;
  @IsString() MaTTHC!: string;
  @IsOptional() @IsString() TenTTHC?: string;
  @IsOptional() @IsString() MaLinhVuc?: string;
  @IsOptional() @IsString() TenLinhVuc?: string;
  @IsOptional() @IsString() ChuHoSo?: string;
  @IsOptional() @IsString() SoGiayToChuHoSo?: string;
  @IsOptional() @IsString() Email?: string;
  @IsOptional() @IsString() SoDienThoai?: string;
  @IsOptional() @IsString() TrichYeuHoSo?: string;
  @Matches(/^\d{14}$/) NgayTiepNhan!: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayHenTra?: string;
  @Matches(STATUS) TrangThaiHoSo!: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayTra?: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayKetThucXuLy?: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayTuChoi?: string;
  @IsOptional() @IsIn(['1', '2', '3']) KenhThucHien?: string;
  @IsOptional() @IsString() DonViXuLy?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CompatDocumentV1) TaiLieuNop?: CompatDocumentV1[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CompatFeeV1) DanhSachLePhi?: CompatFeeV1[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CompatResultDocumentV1) DanhSachGiayToKetQua?: CompatResultDocumentV1[];
}

export class DongBoHoSoMCRequestV1 extends CompatCallV1 {
  @IsIn(['DongBoHoSoMC']) service!: string;
  /** Ignored: every call is an upsert. */
  @IsOptional() @IsIn(['True', 'False']) isUpdating?: string;
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => CompatDossierV1) data!: CompatDossierV1[];
}

/** One progress step of CapNhatTienDoHoSoMC; de-duplicated on (MaHoSo, ThoiDiemXuLy, TrangThai, NoiDungXuLy). */
export class CompatProgressV1 {
  @Matches(DOSSIER_CODE_PATTERN) MaHoSo!: string;
  @IsOptional() @IsString() NguoiXuLy?: string;
  @IsOptional() @IsString() ChucDanh?: string;
  @Matches(/^\d{14}$/) ThoiDiemXuLy!: string;
  @IsOptional() @IsString() PhongBanXuLy?: string;
  @IsOptional() @IsString() NoiDungXuLy?: string;
  @Matches(STATUS) TrangThai!: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayBatDau?: string;
  @IsOptional() @Matches(COMPACT_DATE) NgayKetThucTheoQuyDinh?: string;
}

export class CapNhatTienDoHoSoMCRequestV1 extends CompatCallV1 {
  @IsIn(['CapNhatTienDoHoSoMC']) service!: string;
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => CompatProgressV1) data!: CompatProgressV1[];
}

export class TraCuuHoSoRequestV1 extends CompatCallV1 {
  @IsIn(['TraCuuHoSo']) service!: string;
  @Matches(DOSSIER_CODE_PATTERN) mahoso!: string;
}

export class CatalogueReadRequestV1 extends CompatCallV1 {
  @IsIn(['LayThuTuc', 'LayDanhMucCoQuan', 'LayDanhMucLinhVuc']) service!: string;
  /** LayThuTuc only. */
  @IsOptional() @IsString() maTTHC?: string;
}

/** One monthly aggregate of DongBoDanhGia; other fields whose value is a percentage ("62%") are answers. */
export class CompatSatisfactionV1 {
  @IsOptional() @Matches(AGENCY_CODE_PATTERN) MaDonVi?: string;
  /** M-YYYY */
  @Matches(/^(1[0-2]|0?[1-9])-\d{4}$/) NgayTongHop!: string;
  @IsOptional() @IsString() MaCauHoi?: string;
  @IsOptional() @IsString() NoiDungCauHoi?: string;
  @Matches(/^\d+$/) TongSoNguoiDanhGia!: string;
}

export class DongBoDanhGiaRequestV1 extends CompatCallV1 {
  @IsIn(['DongBoDanhGia']) service!: string;
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CompatSatisfactionV1) data!: CompatSatisfactionV1[];
}

/** The outcome of one record of DongBoHoSoMC or one dossier of CapNhatTienDoHoSoMC. */
export class CompatRecordOutcomeV1 {
  @IsOptional() @IsString() MaHoSo?: string;
  @IsInt() error_code!: number;
  @IsString() message!: string;
  @IsOptional() @IsIn(['created', 'updated', 'unchanged']) KetQua?: string;
  @IsOptional() @Matches(STATUS) TrangThaiHoSo?: string;
  /** The lookup key the hub issued for a new dossier, returned this once. */
  @IsOptional() @IsString() MaTraCuu?: string;
}

export class CompatSyncAnswerV1 {
  @IsInt() error_code!: number;
  @IsString() message!: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CompatRecordOutcomeV1) result?: CompatRecordOutcomeV1[];
}

/** Answer of TraCuuHoSo, LayThuTuc, LayDanhMucCoQuan, LayDanhMucLinhVuc, DongBoDanhGia and of every refused call. */
export class CompatReadAnswerV1 {
  @IsInt() error_code!: number;
  @IsString() message!: string;
  @IsOptional() @IsArray() @IsObject({ each: true }) result?: object[];
}

const CALL = { session: 'dvcqg.eyJjIjoiaGFub2ktb25lLXN0b3AiLCJlIjoxNzY4MTg1MDAwfQ.c2lnbmF0dXJl', madonvi: '000.00.00.H31' };
const DOSSIER: CompatDossierV1 = {
  MaHoSo: '000.00.15.H31-260112-0001',
  MaTTHC: '1.001234',
  ChuHoSo: 'Nguyễn Văn An',
  SoGiayToChuHoSo: '001086001234',
  NgayTiepNhan: '20260112093000',
  NgayHenTra: '20260119170000',
  TrangThaiHoSo: '2',
  KenhThucHien: '1',
  TaiLieuNop: [{ TenTepDinhKem: 'Đơn đề nghị', MaThanhPhanHoSo: 'TP01', TepDinhKemId: '1001', DuongDanTaiTepTin: 'https://one-stop.example/f/1001', IsDeleted: 'False' }],
  DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp phép', MaPhiLePhi: 'LP01', Gia: '75000' }],
};

export const COMPAT_PACKETS = [
  definePacket({ name: 'compat.login-request.v1', kind: 'compat-request', payload: CompatLoginRequestV1, summary: 'POST /dvcqg/login: the API client id and its API key.', example: { username: 'hanoi-one-stop', password: 'hub_0a1b2c3d_…' } }),
  definePacket({ name: 'compat.login-answer.v1', kind: 'compat-answer', payload: CompatLoginAnswerV1, summary: 'The session (30 min or more), or a non-zero error_code and no session.', example: { error_code: 0, message: 'Đăng nhập thành công', session: CALL.session } }),
  definePacket({ name: 'compat.dong-bo-ho-so-mc.v1', kind: 'compat-request', payload: DongBoHoSoMCRequestV1, summary: 'DongBoHoSoMC: upsert full dossier snapshots (1 to 1000).', example: { ...CALL, service: 'DongBoHoSoMC', isUpdating: 'False', data: [DOSSIER] } }),
  definePacket({ name: 'compat.cap-nhat-tien-do-ho-so-mc.v1', kind: 'compat-request', payload: CapNhatTienDoHoSoMCRequestV1, summary: 'CapNhatTienDoHoSoMC: progress steps, any order, repeats tolerated.', example: { ...CALL, service: 'CapNhatTienDoHoSoMC', data: [{ MaHoSo: DOSSIER.MaHoSo, NguoiXuLy: 'Trần Cán Bộ', ThoiDiemXuLy: '20260113090000', NoiDungXuLy: 'Chuyển thẩm định', TrangThai: '4' }] } }),
  definePacket({ name: 'compat.tra-cuu-ho-so.v1', kind: 'compat-request', payload: TraCuuHoSoRequestV1, summary: 'TraCuuHoSo: one dossier by code (empty result when unknown or not the caller’s).', example: { ...CALL, service: 'TraCuuHoSo', mahoso: DOSSIER.MaHoSo } }),
  definePacket({ name: 'compat.catalogue-read.v1', kind: 'compat-request', payload: CatalogueReadRequestV1, summary: 'LayThuTuc (maTTHC), LayDanhMucCoQuan, LayDanhMucLinhVuc: catalogue reads in the upper-case LayThuTuc shape.', example: { ...CALL, service: 'LayThuTuc', maTTHC: '1.001234' } }),
  definePacket({ name: 'compat.dong-bo-danh-gia.v1', kind: 'compat-request', payload: DongBoDanhGiaRequestV1, summary: 'DongBoDanhGia: monthly satisfaction aggregates per agency, month and question (a later call replaces).', example: { ...CALL, service: 'DongBoDanhGia', data: [{ NgayTongHop: '3-2026', MaCauHoi: 'CH01', TongSoNguoiDanhGia: '120' }] } }),
  definePacket({ name: 'compat.sync-answer.v1', kind: 'compat-answer', payload: CompatSyncAnswerV1, summary: 'Answer of DongBoHoSoMC and CapNhatTienDoHoSoMC: one outcome per record (per dossier for progress).', example: { error_code: 0, message: 'Đồng bộ hồ sơ thành công', result: [{ MaHoSo: DOSSIER.MaHoSo, error_code: 0, message: 'Thành công', KetQua: 'created', TrangThaiHoSo: '2', MaTraCuu: 'K7M2Q9XP' }] } }),
  definePacket({ name: 'compat.read-answer.v1', kind: 'compat-answer', payload: CompatReadAnswerV1, summary: 'Answer of the reads and of DongBoDanhGia; any refused call: HTTP 200, non-zero error_code, a Vietnamese message naming the field.', example: { error_code: 7, message: 'data[0]: NgayTiepNhan phải là ngày giờ dạng yyyyMMddHHmmss có thật (trường NgayTiepNhan)' } }),
];

import { compatDossierOf, type NativeDossierView } from './dossier-view.mapping';

const VIEW: NativeDossierView = {
  code: '000.00.15.H31-260112-0001',
  status: 10,
  statusName: { vi: 'Đã trả kết quả' },
  procedureCode: '1.001234',
  receivingAgencyCode: '000.00.15.H31',
  channel: 'ONLINE',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678' },
  summary: null,
  receivedAt: '2026-01-12T09:30:00+07:00',
  statusChangedAt: '2026-01-16T09:00:00+07:00',
  appointmentAt: null,
  dueAt: '2026-01-19T17:00:00+07:00',
  finishedAt: '2026-01-15T10:00:00+07:00',
  steps: [{ at: '2026-01-13T02:00:00Z', status: 4, handledBy: 'Trần Cán Bộ', position: null, unit: 'Phòng A', content: 'Chuyển xử lý', startedAt: '2026-01-13T08:30:00+07:00', dueAt: null }],
  documents: [{ id: '1001', componentCode: 'TP01', name: 'Đơn' }, { name: 'Bản vẽ' }],
  fees: [{ code: 'LP01', name: 'Lệ phí', amount: 75000 }],
  results: [{ id: 'GP-1', name: 'Giấy phép', number: '123/GPXD', electronic: true }],
  supplements: [{ id: 'BS1', at: '2026-01-14T03:00:00Z', requestedAt: '2026-01-13T09:00:00+07:00', note: 'Bổ sung bản vẽ' }, { at: '2026-01-15T08:00:00+07:00', requestedAt: null, note: null }],
};

describe('native dossier → TraCuuHoSo record', () => {
  it('speaks the vocabulary: strings, yyyyMMddHHmmss in Vietnamese time, "" when unknown, names from the catalogue', () => {
    expect(compatDossierOf(VIEW, { name: 'Cấp phép', sectorCode: 'G09-XD01', sectorName: 'Xây dựng' })).toEqual({
      MaHoSo: VIEW.code,
      MaTTHC: '1.001234',
      TenTTHC: 'Cấp phép',
      MaLinhVuc: 'G09-XD01',
      TenLinhVuc: 'Xây dựng',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Văn An',
      SoGiayToChuHoSo: '001086001234',
      Email: '',
      SoDienThoai: '0912345678',
      DiaChiChuHoSo: '',
      TrichYeuHoSo: '',
      NgayTiepNhan: '20260112093000',
      NgayHenTra: '20260119170000',
      HanXuLy: '20260119170000',
      TrangThaiHoSo: '10',
      TenTrangThaiHoSo: 'Đã trả kết quả',
      NgayKetThucXuLy: '20260115100000',
      NgayTra: '20260116090000',
      DonViXuLy: '000.00.15.H31',
      TaiLieuNop: [
        { TenTepDinhKem: 'Đơn', MaThanhPhanHoSo: 'TP01', TepDinhKemId: '1001', DuongDanTaiTepTin: '', IsDeleted: 'False' },
        { TenTepDinhKem: 'Bản vẽ', MaThanhPhanHoSo: '', TepDinhKemId: '', DuongDanTaiTepTin: '', IsDeleted: 'False' },
      ],
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: 'LP01', HinhThucThu: '', Gia: '75000', LoaiPhiLePhi: '' }],
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy phép', MaThanhPhanHoSo: '', GiayToId: 'GP-1', DuongDanTepTinKetQua: '' }],
      DanhSachHoSoBoSung: [
        { HoSoBoSungId: 'BS1', NoiDungBoSung: 'Bổ sung bản vẽ', NgayBoSung: '20260113090000', NgayTiepNhanBoSung: '20260114100000' },
        { HoSoBoSungId: '', NoiDungBoSung: '', NgayBoSung: '', NgayTiepNhanBoSung: '20260115080000' },
      ],
      QuaTrinhXuLy: [{ MaHoSo: VIEW.code, NguoiXuLy: 'Trần Cán Bộ', ChucDanh: '', ThoiDiemXuLy: '20260113090000', PhongBanXuLy: 'Phòng A', NoiDungXuLy: 'Chuyển xử lý', TrangThai: '4', NgayBatDau: '20260113083000', NgayKetThucTheoQuyDinh: '' }],
    });
  });

  it('NgayTra only for a returned dossier; blanks when the catalogue does not answer', () => {
    const processing = compatDossierOf({ ...VIEW, status: 4, finishedAt: null }, {});
    expect(processing).toMatchObject({ NgayTra: '', NgayKetThucXuLy: '', TenTTHC: '', MaLinhVuc: '', TrangThaiHoSo: '4' });
  });
});

import { mapDossierRecord, wholeVnd } from './dossier-record.mapping';

/** A record shaped like those the open-source agency systems send: every value a string, dates yyyyMMddHHmmss. */
const RECORD = {
  MaHoSo: '000.00.15.H31-260112-0001',
  MaTTHC: '1.001234',
  TenTTHC: '',
  MaLinhVuc: '',
  TenLinhVuc: '',
  SoBienNhan: 'BN-0001',
  ChuHoSo: 'Nguyễn Văn An',
  LoaiDoiTuong: '1',
  MaDoiTuong: '',
  Email: 'an.nguyen@example.vn',
  SoDienThoai: '0912 345 678',
  TrichYeuHoSo: 'Cấp giấy phép xây dựng',
  NgayTiepNhan: '20260112093000',
  NgayHenTra: '20260119170000',
  TrangThaiHoSo: '4',
  NgayTra: '',
  HinhThuc: '0',
  NgayKetThucXuLy: null,
  DonViXuLy: 'Phòng Quản lý đô thị',
  KenhThucHien: '1',
  SoGiayToChuHoSo: '001086001234',
  HoSoCoThanhPhanSoHoa: '1',
  DuocThanhToanTrucTuyen: '0',
  DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001086001234' }],
  TaiLieuNop: [
    { TenTepDinhKem: 'Đơn đề nghị', MaThanhPhanHoSo: 'TP01', TepDinhKemId: '1001', DuongDanTaiTepTin: 'https://one-stop.example/f/1001?t=abc', IsDeleted: 'False' },
    { TenTepDinhKem: 'Đơn đề nghị', MaThanhPhanHoSo: 'TP01', TepDinhKemId: '1001', DuongDanTaiTepTin: 'https://one-stop.example/f/1001?t=xyz', IsDeleted: 'False' },
    { TenTepDinhKem: 'Bản vẽ', MaThanhPhanHoSo: 'TP02', TepDinhKemId: '', DuongDanTaiTepTin: 'https://one-stop.example/f/x', IsDeleted: 'False' },
    { TenTepDinhKem: 'Bản vẽ', MaThanhPhanHoSo: 'TP02', TepDinhKemId: '', DuongDanTaiTepTin: 'https://one-stop.example/f/y', IsDeleted: 'False' },
    { TenTepDinhKem: 'Tệp đã xoá', MaThanhPhanHoSo: 'TP03', TepDinhKemId: '1003', DuongDanTaiTepTin: '', IsDeleted: 'True' },
  ],
  DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp phép', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: '75.000', LoaiPhiLePhi: '2' }],
  DanhSachHoSoBoSung: [],
  DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy phép xây dựng', MaThanhPhanHoSo: '', GiayToId: 'KQ1', DuongDanTepTinKetQua: 'https://one-stop.example/kq/1' }],
  TruongKhongBiet: 'unknown fields are tolerated',
};

describe('DongBoHoSoMC record → native sync record', () => {
  it('maps a full record; hub-ordered (no version); unknown fields ignored; documents by id, then by component and name, URLs dropped', () => {
    const mapped = mapDossierRecord(RECORD);
    expect(mapped).toEqual({
      ok: true,
      value: {
        code: '000.00.15.H31-260112-0001',
        procedureCode: '1.001234',
        receivingAgencyCode: '000.00.15.H31',
        channel: 'COUNTER',
        status: 4,
        receivedAt: '2026-01-12T09:30:00+07:00',
        applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678', email: 'an.nguyen@example.vn' },
        summary: 'Cấp giấy phép xây dựng',
        appointmentAt: '2026-01-19T17:00:00+07:00',
        documents: [
          { id: '1001', componentCode: 'TP01', name: 'Đơn đề nghị', copies: 1, digitised: true },
          { componentCode: 'TP02', name: 'Bản vẽ', copies: 1, digitised: true },
        ],
        fees: [{ code: 'LP01', name: 'Lệ phí cấp phép', amount: 75000 }],
        results: [{ id: 'KQ1', name: 'Giấy phép xây dựng', electronic: true }],
      },
    });
    expect(JSON.stringify(mapped)).not.toContain('one-stop.example');
  });

  it('accepts the minimum (MaHoSo, MaTTHC, NgayTiepNhan, TrangThaiHoSo); channel defaults to the counter', () => {
    expect(mapDossierRecord({ MaHoSo: 'H55.242-260112-0002', MaTTHC: '2.000815.000.00.00.H55', NgayTiepNhan: '20260112093000', TrangThaiHoSo: '2' })).toEqual({
      ok: true,
      value: { code: 'H55.242-260112-0002', procedureCode: '2.000815.000.00.00.H55', receivingAgencyCode: 'H55.242', channel: 'COUNTER', status: 2, receivedAt: '2026-01-12T09:30:00+07:00', statusChangedAt: '2026-01-12T09:30:00+07:00', applicant: {} },
    });
  });

  it.each([
    ['1', 'COUNTER'],
    ['2', 'ONLINE'],
    ['3', 'POSTAL'],
  ])('KenhThucHien %s → %s', (kenh, channel) => {
    expect(mapDossierRecord({ ...RECORD, KenhThucHien: kenh })).toMatchObject({ ok: true, value: { channel } });
  });

  it('times the status from the vocabulary: 9 at NgayKetThucXuLy, 10 at NgayTra with the change to 9 at NgayKetThucXuLy, 3 at NgayTuChoi', () => {
    expect(mapDossierRecord({ ...RECORD, TrangThaiHoSo: '9', NgayKetThucXuLy: '20260115100000' })).toMatchObject({ ok: true, value: { status: 9, statusChangedAt: '2026-01-15T10:00:00+07:00' } });
    const returned = mapDossierRecord({ ...RECORD, TrangThaiHoSo: '10', NgayKetThucXuLy: '20260115100000', NgayTra: '20260116090000' });
    expect(returned).toMatchObject({ ok: true, value: { status: 10, statusChangedAt: '2026-01-16T09:00:00+07:00', steps: [{ at: '2026-01-15T10:00:00+07:00', status: 9 }] } });
    expect(mapDossierRecord({ ...RECORD, TrangThaiHoSo: '3', NgayTuChoi: '20260112100000' })).toMatchObject({ ok: true, value: { status: 3, statusChangedAt: '2026-01-12T10:00:00+07:00' } });
    expect(mapDossierRecord({ ...RECORD, TrangThaiHoSo: '4' })).not.toHaveProperty('value.statusChangedAt');
  });

  it('identifies result documents by GiayToId and keeps it, whatever their URL; without one by component and name', () => {
    const mapped = mapDossierRecord({
      ...RECORD,
      DanhSachGiayToKetQua: [
        { TenGiayTo: 'Giấy phép xây dựng', GiayToId: 'KQ1', DuongDanTepTinKetQua: 'https://one-stop.example/kq/1?t=1' },
        { TenGiayTo: 'Giấy phép xây dựng (bản mới)', GiayToId: 'KQ1', DuongDanTepTinKetQua: 'https://one-stop.example/kq/1?t=2' },
        { TenGiayTo: 'Bản vẽ được duyệt', MaThanhPhanHoSo: 'KQ02', GiayToId: '', DuongDanTepTinKetQua: '' },
        { TenGiayTo: 'Bản vẽ được duyệt', MaThanhPhanHoSo: 'KQ02', DuongDanTepTinKetQua: '' },
      ],
    });
    expect(mapped).toMatchObject({
      ok: true,
      value: { results: [{ id: 'KQ1', name: 'Giấy phép xây dựng (bản mới)', electronic: true }, { name: 'Bản vẽ được duyệt', electronic: false }] },
    });
    expect(mapDossierRecord({ ...RECORD, DanhSachGiayToKetQua: [{ TenGiayTo: 'x', GiayToId: 'K'.repeat(201) }] })).toMatchObject({ ok: false, field: 'DanhSachGiayToKetQua[0].GiayToId' });
  });

  it('maps the answered supplement requests of DanhSachHoSoBoSung to native supplements, by HoSoBoSungId; a request not answered yet is none', () => {
    const mapped = mapDossierRecord({
      ...RECORD,
      DanhSachHoSoBoSung: [
        { HoSoBoSungId: 'BS1', NguoiYeuCauBoSung: 'Trần Cán Bộ', NoiDungBoSung: 'Bổ sung bản vẽ', NgayBoSung: '20260113090000', NgayTiepNhanBoSung: '20260114100000', TrangThaiBoSung: '1', DanhSachGiayToBoSung: [] },
        { HoSoBoSungId: 'BS1', NoiDungBoSung: 'Bổ sung bản vẽ (sửa)', NgayBoSung: '20260113090000', NgayTiepNhanBoSung: '20260114100000' },
        { HoSoBoSungId: '', NoiDungBoSung: 'Bổ sung CCCD', NgayBoSung: '', NgayTiepNhanBoSung: '20260115080000' },
        { HoSoBoSungId: 'BS3', NoiDungBoSung: 'Chưa bổ sung', NgayBoSung: '20260116090000', NgayTiepNhanBoSung: '' },
      ],
    });
    expect(mapped).toMatchObject({
      ok: true,
      value: {
        supplements: [
          { id: 'BS1', at: '2026-01-14T10:00:00+07:00', requestedAt: '2026-01-13T09:00:00+07:00', note: 'Bổ sung bản vẽ (sửa)' },
          { at: '2026-01-15T08:00:00+07:00', note: 'Bổ sung CCCD' },
        ],
      },
    });
    expect(mapDossierRecord({ ...RECORD, DanhSachHoSoBoSung: [{ NoiDungBoSung: 'x' }] })).not.toHaveProperty('value.supplements');
  });

  it.each([
    [{ DanhSachHoSoBoSung: { HoSoBoSungId: '1' } }, 'DanhSachHoSoBoSung'],
    [{ DanhSachHoSoBoSung: ['x'] }, 'DanhSachHoSoBoSung'],
    [{ DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '14/01/2026 10:00:00' }] }, 'DanhSachHoSoBoSung[0].NgayTiepNhanBoSung'],
    [{ DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '20260114100000', NgayBoSung: '20261332000000' }] }, 'DanhSachHoSoBoSung[0].NgayBoSung'],
  ])('refuses a DanhSachHoSoBoSung that does not fit (%#), naming %s', (over, field) => expect(mapDossierRecord({ ...RECORD, ...over })).toMatchObject({ ok: false, field }));

  it('leaves out contact details that do not fit instead of refusing the dossier', () => {
    const mapped = mapDossierRecord({ ...RECORD, SoGiayToChuHoSo: 'B1234567', SoDienThoai: 'không có', Email: 'not-an-email', ChuHoSo: '' });
    expect(mapped).toMatchObject({ ok: true, value: { applicant: {} } });
  });

  it.each([
    [[], 'data'],
    ['x', 'data'],
    [{ ...RECORD, MaHoSo: undefined }, 'MaHoSo'],
    [{ ...RECORD, MaHoSo: '' }, 'MaHoSo'],
    [{ ...RECORD, MaHoSo: 'HS-2026-1' }, 'MaHoSo'],
    [{ ...RECORD, MaTTHC: '' }, 'MaTTHC'],
    [{ ...RECORD, MaTTHC: 'TTHC01' }, 'MaTTHC'],
    [{ ...RECORD, NgayTiepNhan: '' }, 'NgayTiepNhan'],
    [{ ...RECORD, NgayTiepNhan: '12/01/2026 09:30:00' }, 'NgayTiepNhan'],
    [{ ...RECORD, NgayTiepNhan: '20261332250000' }, 'NgayTiepNhan'],
    [{ ...RECORD, NgayHenTra: '2026-01-19' }, 'NgayHenTra'],
    [{ ...RECORD, NgayKetThucXuLy: '20260231000000' }, 'NgayKetThucXuLy'],
    [{ ...RECORD, NgayTra: '16/01/2026' }, 'NgayTra'],
    [{ ...RECORD, TrangThaiHoSo: '11' }, 'TrangThaiHoSo'],
    [{ ...RECORD, TrangThaiHoSo: '' }, 'TrangThaiHoSo'],
    [{ ...RECORD, TrangThaiHoSo: '0' }, 'TrangThaiHoSo'],
    [{ ...RECORD, TrangThaiHoSo: undefined }, 'TrangThaiHoSo'],
    [{ ...RECORD, KenhThucHien: '4' }, 'KenhThucHien'],
    [{ ...RECORD, TaiLieuNop: { TenTepDinhKem: 'x' } }, 'TaiLieuNop'],
    [{ ...RECORD, TaiLieuNop: [{ TepDinhKemId: '1' }] }, 'TaiLieuNop[0].TenTepDinhKem'],
    [{ ...RECORD, DanhSachLePhi: [{ TenPhiLePhi: 'x', Gia: '12,5' }] }, 'DanhSachLePhi[0].Gia'],
    [{ ...RECORD, DanhSachLePhi: [{ TenPhiLePhi: 'x', Gia: '-1' }] }, 'DanhSachLePhi[0].Gia'],
    [{ ...RECORD, DanhSachGiayToKetQua: [{ GiayToId: '1' }] }, 'DanhSachGiayToKetQua[0].TenGiayTo'],
  ])('refuses %#, naming %s', (record, field) => {
    const mapped = mapDossierRecord(record);
    expect(mapped).toMatchObject({ ok: false, field });
    if (!mapped.ok) expect(mapped.message).toContain(field.replace(/\[.*$/, ''));
  });

  it.each([
    ['75000', 75000],
    ['75.000', 75000],
    ['1,250,000', 1250000],
    ['75000.0', 75000],
    ['', 0],
    [undefined, 0],
    ['12.5', undefined],
    ['abc', undefined],
  ])('wholeVnd(%p) = %p', (value, amount) => expect(wholeVnd(value)).toBe(amount));
});

import { mapProgressRecord } from './progress.mapping';

const STEP = {
  MaHoSo: '000.00.15.H31-260112-0001',
  NguoiXuLy: 'Trần Cán Bộ',
  ChucDanh: 'Chuyên viên',
  ThoiDiemXuLy: '20260113090000',
  PhongBanXuLy: 'Phòng Quản lý đô thị',
  NoiDungXuLy: 'Chuyển xử lý',
  TrangThai: '4',
  NgayBatDau: '20260113090000',
  NgayKetThucTheoQuyDinh: '20260119170000',
  Khac: 'tolerated',
};

describe('CapNhatTienDoHoSoMC record → native step', () => {
  it('maps a full record', () => {
    expect(mapProgressRecord(STEP, 0)).toEqual({
      ok: true,
      value: {
        code: STEP.MaHoSo,
        at: '2026-01-13T09:00:00+07:00',
        status: 4,
        handledBy: 'Trần Cán Bộ',
        position: 'Chuyên viên',
        unit: 'Phòng Quản lý đô thị',
        content: 'Chuyển xử lý',
        startedAt: '2026-01-13T09:00:00+07:00',
        dueAt: '2026-01-19T17:00:00+07:00',
      },
    });
  });

  it('keeps NgayBatDau and NgayKetThucTheoQuyDinh as the step\'s startedAt and dueAt, leaving out the empty ones', () => {
    const mapped = mapProgressRecord({ ...STEP, NgayBatDau: '', NgayKetThucTheoQuyDinh: null }, 0);
    expect(mapped.ok && mapped.value).not.toHaveProperty('startedAt');
    expect(mapped.ok && mapped.value).not.toHaveProperty('dueAt');
    expect(mapProgressRecord({ ...STEP, NgayBatDau: ' 20260114080000 ' }, 0)).toMatchObject({ ok: true, value: { startedAt: '2026-01-14T08:00:00+07:00' } });
  });

  it.each([
    ['x', 'data[3]'],
    [{ ...STEP, MaHoSo: '' }, 'data[3].MaHoSo'],
    [{ ...STEP, MaHoSo: 'abc' }, 'data[3].MaHoSo'],
    [{ ...STEP, ThoiDiemXuLy: '' }, 'data[3].ThoiDiemXuLy'],
    [{ ...STEP, ThoiDiemXuLy: '13/01/2026 09:00:00' }, 'data[3].ThoiDiemXuLy'],
    [{ ...STEP, ThoiDiemXuLy: '20261332250000' }, 'data[3].ThoiDiemXuLy'],
    [{ ...STEP, NgayBatDau: '13/01/2026' }, 'data[3].NgayBatDau'],
    [{ ...STEP, NgayKetThucTheoQuyDinh: '20260230000000' }, 'data[3].NgayKetThucTheoQuyDinh'],
    [{ ...STEP, TrangThai: '11' }, 'data[3].TrangThai'],
    [{ ...STEP, TrangThai: '' }, 'data[3].TrangThai'],
  ])('refuses %#, naming %s', (record, field) => expect(mapProgressRecord(record, 3)).toMatchObject({ ok: false, field }));
});

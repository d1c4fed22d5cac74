import { mapRatingRecord } from './rating.mapping';

describe('DongBoDanhGia record → native monthly aggregate', () => {
  it('maps month, total and percentages (listed answers and percentage fields), the agency defaulting to madonvi', () => {
    expect(
      mapRatingRecord(
        { NgayTongHop: '3-2026', TongSoNguoiDanhGia: '120', MaCauHoi: 'CH01', NoiDungCauHoi: 'Mức độ hài lòng', TyLeRatHaiLong: '62%', TyLeHaiLong: '30.5%', DanhSachCauTraLoi: [{ MaCauTraLoi: 'KHL', NoiDungCauTraLoi: 'Không hài lòng', TyLe: '7,5%' }], Khac: 'x' },
        0,
        '000.00.00.H31',
      ),
    ).toEqual({
      ok: true,
      value: {
        agencyCode: '000.00.00.H31',
        month: '2026-03',
        question: 'CH01',
        questionText: 'Mức độ hài lòng',
        respondents: 120,
        answers: [
          { answer: 'KHL', label: 'Không hài lòng', percent: 7.5 },
          { answer: 'TyLeRatHaiLong', percent: 62 },
          { answer: 'TyLeHaiLong', percent: 30.5 },
        ],
      },
    });
    expect(mapRatingRecord({ MaDonVi: '000.00.15.H31', NgayTongHop: '12-2025', TongSoNguoiDanhGia: 5 }, 0, '000.00.00.H31')).toMatchObject({ ok: true, value: { agencyCode: '000.00.15.H31', month: '2025-12', question: 'TONG_HOP', respondents: 5, answers: [] } });
  });

  it.each([
    ['x', 'data[1]'],
    [{ NgayTongHop: '2026-03', TongSoNguoiDanhGia: '1' }, 'data[1].NgayTongHop'],
    [{ NgayTongHop: '13-2026', TongSoNguoiDanhGia: '1' }, 'data[1].NgayTongHop'],
    [{ NgayTongHop: '3-2026', TongSoNguoiDanhGia: '-1' }, 'data[1].TongSoNguoiDanhGia'],
    [{ NgayTongHop: '3-2026', TongSoNguoiDanhGia: 'nhiều' }, 'data[1].TongSoNguoiDanhGia'],
    [{ NgayTongHop: '3-2026', TongSoNguoiDanhGia: '1', TyLeHaiLong: '120%' }, 'data[1].TyLeHaiLong'],
    [{ NgayTongHop: '3-2026', TongSoNguoiDanhGia: '1', DanhSachCauTraLoi: [{ MaCauTraLoi: 'A' }] }, 'data[1].DanhSachCauTraLoi[0]'],
    [{ MaDonVi: 'Hà Nội', NgayTongHop: '3-2026', TongSoNguoiDanhGia: '1' }, 'data[1].MaDonVi'],
  ])('refuses %#, naming %s', (record, field) => expect(mapRatingRecord(record, 1, '000.00.00.H31')).toMatchObject({ ok: false, field }));
});

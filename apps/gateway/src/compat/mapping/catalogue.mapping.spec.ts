import { coQuanOf, layThuTucOf, linhVucOf, type NativeProcedureView } from './catalogue.mapping';

const PROCEDURE: NativeProcedureView = {
  code: '1.001234',
  name: 'Cấp giấy phép xây dựng',
  sectorCodes: ['G09-XD01'],
  publishingAgencyCode: '000.00.00.H31',
  implementingAgencyCodes: ['000.00.15.H31'],
  steps: [{ title: 'Nộp hồ sơ', description: 'Tại bộ phận một cửa' }],
  channels: [
    { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí', amount: 75000 }] },
    { channel: 'ONLINE', timeLimit: { amount: 8, unit: 'WORKING_HOUR' }, fees: [] },
    { channel: 'POSTAL', timeLimit: { amount: 20, unit: 'DAY' }, fees: [], description: 'Qua bưu điện' },
  ],
  requiredDocuments: [{ name: 'Đơn đề nghị', formName: 'Mẫu 01', originals: 1, copies: 0 }],
  subjects: ['Công dân Việt Nam'],
  results: ['Giấy phép xây dựng'],
  conditions: ['Điều kiện 1', 'Điều kiện 2'],
  legalBasis: [{ number: '15/2021/NĐ-CP', title: 'Nghị định', issuedDate: '2021-03-03', issuedBy: 'Chính phủ' }],
  onlineLevel: 'FULL',
  publicationDecision: { number: '1234/QĐ-UBND', date: '2026-01-05', issuingAgencyCode: '000.00.00.H31' },
  effectiveFrom: '2026-01-06T00:00:00+07:00',
};

describe('native catalogue → the national portal’s upper-case shape', () => {
  it('LayThuTuc: every part of the procedure, with sector and agency names when known', () => {
    const record = layThuTucOf(PROCEDURE, new Map([['G09-XD01', 'Xây dựng']]), new Map());
    expect(record).toMatchObject({
      MATTHC: '1.001234',
      TENTTHC: 'Cấp giấy phép xây dựng',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'G09-XD01', TENLINHVUC: 'Xây dựng' }],
      COQUANCONGBO: '000.00.00.H31',
      COQUANTHUCHIEN: [{ MADONVI: '000.00.15.H31', TENDONVI: '' }],
      TRINHTUTHUCHIEN: [{ TENTRINHTU: 'Nộp hồ sơ', NOIDUNG: 'Tại bộ phận một cửa' }],
      THANHPHANHOSO: [{ GIAYTO: [{ TENGIAYTO: 'Đơn đề nghị', TENMAUDON: 'Mẫu 01', URL: '', SOBANCHINH: '1', SOBANSAO: '0' }] }],
      DOITUONGTHUCHIEN: [{ TENDOITUONG: 'Công dân Việt Nam' }],
      KETQUATHUCHIEN: [{ TENKETQUA: 'Giấy phép xây dựng' }],
      YEUCAUDIEUKIEN: 'Điều kiện 1\nĐiều kiện 2',
      CANCUPHAPLY: [{ SOVANBAN: '15/2021/NĐ-CP', TENVANBAN: 'Nghị định', NGAYBANHANH: '03/03/2021', COQUANBANHANH: 'Chính phủ' }],
      MUCDO: '4',
      QUYETDINHCONGBO: { SOQUYETDINH: '1234/QĐ-UBND', NGAYBANHANH: '05/01/2026', MACOQUANBANHANH: '000.00.00.H31', RUTGON: '0' },
      NGAYHIEULUC: '20260106000000',
    });
    expect((record.CACHTHUCTHUCHIEN as Array<{ KENH: string; THOIGIAN: Array<Record<string, unknown>> }>).map((c) => [c.KENH, c.THOIGIAN[0].THOIGIANGIAIQUYET, c.THOIGIAN[0].DONVITINH])).toEqual([
      ['1', '15', 'Ngày làm việc'],
      ['2', '8', 'Giờ làm việc'],
      ['3', '20', 'Ngày'],
    ]);
  });

  it('agencies and sectors', () => {
    expect(coQuanOf({ code: '000.00.15.H31', name: 'Sở Xây dựng', level: 'UNIT', parentCode: '000.00.00.H31' })).toEqual({ MADONVI: '000.00.15.H31', TENDONVI: 'Sở Xây dựng', MADONVICHA: '000.00.00.H31', CAPDONVI: 'UNIT' });
    expect(coQuanOf({ code: '000.00.00.H31', name: 'UBND', level: 'PROVINCE', parentCode: null }).MADONVICHA).toBe('');
    expect(linhVucOf({ code: 'G09-XD01', name: 'Xây dựng' })).toEqual({ MALINHVUC: 'G09-XD01', TENLINHVUC: 'Xây dựng' });
  });
});

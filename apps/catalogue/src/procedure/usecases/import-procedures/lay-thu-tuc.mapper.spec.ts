import { isLayThuTucRecord, mapLayThuTuc, parseAmount, parseLayThuTucDate } from './lay-thu-tuc.mapper';

const failures: string[] = [];
const fail = (field: string, message: string) => {
  failures.push(`${field}: ${message}`);
  return undefined;
};

describe('LayThuTuc mapping', () => {
  beforeEach(() => failures.splice(0));

  it.each([
    ['75.000', 75000],
    ['1.000.000 đồng', 1_000_000],
    ['75,000', 75000],
    ['75000', 75000],
    [75000, 75000],
    ['Không', 0],
    ['Miễn phí', 0],
    ['', 0],
    [undefined, 0],
    ['1.000.000.000.000', 1_000_000_000_000],
    [1_000_000_000_000, 1_000_000_000_000],
  ])('reads the amount %j as %d VND', (value, expected) => {
    expect(parseAmount(value, 'SOTIEN', fail)).toBe(expected);
    expect(failures).toEqual([]);
  });

  it.each([['-5.000'], ['75.5'], [12.5], [-1], ['khoảng 50 nghìn'], ['1.000.000.000.001'], ['99999999999999999999'], [1_000_000_000_001]])('refuses the amount %j', (value) => {
    expect(parseAmount(value, 'SOTIEN', fail)).toBeNaN();
    expect(failures).toHaveLength(1);
  });

  it.each([
    ['20/11/2014', '2014-11-20'],
    ['1/7/2025', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    ['20250701093000', '2025-07-01'],
    ['31/02/2025', undefined],
    ['hôm qua', undefined],
  ])('reads the date %s', (value, expected) => expect(parseLayThuTucDate(value)).toBe(expected));

  it('recognises LayThuTuc records by MATTHC', () => {
    expect(isLayThuTucRecord({ MATTHC: '1.001234' })).toBe(true);
    expect(isLayThuTucRecord({ code: '1.001234' })).toBe(false);
  });

  it('maps text-only variants and keeps unknown time units as errors', () => {
    const mapped = mapLayThuTuc({
      MATTHC: '1.001234',
      TENTTHC: 'Đăng ký khai sinh',
      TRINHTUTHUCHIEN: '- Bước 1: Nộp hồ sơ\n- Bước 2: Nhận kết quả',
      DOITUONGTHUCHIEN: 'Công dân Việt Nam',
      KETQUATHUCHIEN: 'Giấy khai sinh',
      COQUANCONGBO: '000.00.00.H31',
      CACHTHUCTHUCHIEN: [{ KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: 8, DONVITINH: 'Giờ làm việc', PHILEPHI: [] }] }],
      MUCDO: 'Một phần',
      ID: 42,
    });
    expect(mapped).toMatchObject({
      ok: true,
      value: {
        steps: [{ title: 'Bước 1: Nộp hồ sơ' }, { title: 'Bước 2: Nhận kết quả' }],
        subjects: ['Công dân Việt Nam'],
        results: ['Giấy khai sinh'],
        publishingAgencyCode: '000.00.00.H31',
        channels: [{ channel: 'ONLINE', timeLimit: { amount: 8, unit: 'WORKING_HOUR' }, fees: [] }],
        onlineLevel: 'PARTIAL',
      },
    });
    const bad = mapLayThuTuc({ MATTHC: '1.001234', CACHTHUCTHUCHIEN: [{ KENH: '9', THOIGIAN: [{ THOIGIANGIAIQUYET: 1.3, DONVITINH: 'Ngày làm việc' }] }] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['CACHTHUCTHUCHIEN.0.KENH', 'CACHTHUCTHUCHIEN.0.THOIGIAN.0.THOIGIANGIAIQUYET']);
  });
});

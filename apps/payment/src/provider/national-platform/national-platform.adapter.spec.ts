import { NationalPlatformAdapter } from './national-platform.adapter';
import { CALLBACK_FIELDS, CALLBACK_REPLY_FIELDS, formatPlatformTime, platformChecksum } from './platform-checksum';
import { parseSettlementCsv } from './settlement-csv';

describe('NationalPlatformAdapter', () => {
  const now = new Date('2026-03-16T03:30:00Z');
  const adapter = new NationalPlatformAdapter({
    name: 'sandbox',
    url: 'http://127.0.0.1:9/api',
    partnerCode: 'DT_STP_TEST',
    secret: 'TEST_SECRET',
    callbackWindow: { pastMs: 3600_000, futureMs: 300_000 },
    timeoutMs: 1000,
  });
  const signed = (over: Record<string, unknown> = {}, secret = 'TEST_SECRET') => {
    const m: Record<string, unknown> = {
      LoaiBanTin: 'PAY', MaLoi: '00', MaDoiTac: 'DT_STP_TEST', MaThamChieu: 'hubref1', SoTien: '200000', MaTienTe: 'VND',
      MaGiaoDich: 'TX1', MaNganHang: 'VCB', ThoiGianGD: formatPlatformTime(now), ThongTinGiaoDich: 'THANH TOAN', ...over,
    };
    m.MaXacThuc = platformChecksum(m, CALLBACK_FIELDS, secret);
    return m;
  };

  it('accepts a signed callback whatever its LoaiBanTin, with SoTien as digits or a number, and unknown fields', () => {
    for (const m of [signed(), signed({ LoaiBanTin: 'RESULT' }), signed({ SoTien: 200000 }), { ...signed(), Extra: 'ignored' }]) {
      const v = adapter.verifyCallback(m, now);
      expect(v).toEqual({ ok: true, callback: expect.objectContaining({ reference: 'hubref1', paid: true, amount: 200_000, currency: 'VND', transactionId: 'TX1' }) });
    }
  });

  it.each([
    ['a wrong secret', signed({}, 'OTHER'), 'BAD_CHECKSUM'],
    ['another partner', signed({ MaDoiTac: 'X' }), 'UNKNOWN_PARTNER'],
    ['a field changed after signing', { ...signed(), SoTien: '1' }, 'BAD_CHECKSUM'],
    ['a stale time', signed({ ThoiGianGD: '20260316080000' }), 'OUTSIDE_TIME_WINDOW'],
    ['an object field', signed({ ThongTinGiaoDich: { a: 1 } }), 'FIELD_ThongTinGiaoDich_NOT_TEXT'],
    ['not an object', [1], 'NOT_AN_OBJECT'],
  ])('refuses %s', (_name, body, reason) => {
    expect(adapter.verifyCallback(body, now)).toMatchObject({ ok: false, reason });
  });

  it.each(['12.5', '-5', '1e5', ' 5', '0x10', 1.5, -1])('does not settle amount %p loosely', (SoTien) => {
    const v = adapter.verifyCallback(signed({ SoTien }), now);
    expect(v.ok && v.callback.amount).toBeUndefined();
  });

  it("signs its answer in the platform's vocabulary", () => {
    const reply = adapter.answerCallback({ accepted: false, description: 'Invalid', reference: 'hubref1' }, now) as Record<string, string>;
    expect(reply).toMatchObject({ MaLoi: '99', MoTaLoi: 'Invalid', MaDoiTac: 'DT_STP_TEST', MaThamChieu: 'hubref1', ThoiGianGD: '20260316103000' });
    expect(reply.MaXacThuc).toBe(platformChecksum(reply, CALLBACK_REPLY_FIELDS, 'TEST_SECRET'));
  });
});

describe('parseSettlementCsv', () => {
  const header = 'MaThamChieu,MaGiaoDich,SoTien,TrangThai,ThoiGianGD';
  it('parses whole lines', () => {
    expect(parseSettlementCsv(`${header}\r\nref1,T1,200000,PAID,20260316103000\n`)).toEqual([{ lineNumber: 2, reference: 'ref1', transactionId: 'T1', amount: 200_000, status: 'PAID' }]);
  });
  it.each([
    ['', 1],
    ['a,b\n', 1],
    [`${header}\nref1,T1,200000,PAID,x\nref2,T2,12.5,PAID,x`, 3],
    [`${header}\nref1,T1,200000,PAID`, 2],
    [`${header}\nref1,T1,200000,UNKNOWN,x`, 2],
    [`${header}\nref1,T1,100,PAID,x\nref1,T2,100,PAID,x`, 3],
  ])('names the broken line of %j', (csv, line) => {
    expect(() => parseSettlementCsv(csv)).toThrow(expect.objectContaining({ lineNumber: line }));
  });
});

import { createHash } from 'node:crypto';
import {
  CALLBACK_FIELDS,
  checksumMatches,
  formatPlatformTime,
  INIT_FIELDS,
  parsePlatformTime,
  platformChecksum,
  QUERY_FIELDS,
  withinTimeWindow,
} from './platform-checksum';

describe('national payment platform checksums', () => {
  const init = {
    LoaiBanTin: 'INIT',
    PhienBan: '1.0.6',
    MaDoiTac: 'DT_STP_TEST',
    MaThamChieu: 'dvc00000015H31260316000720260316103000',
    SoTien: '200000',
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: '1',
    MaThietBi: '1',
    NgonNgu: 'vi-VN',
    MaTienTe: 'VND',
    MaNganHang: 'PAYMENT',
    ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.15.H31-260316-0007',
    ThoiGianGD: '20260316103000',
    Ip: '10.0.0.15',
  };

  it('hashes the worked INIT example of the issue', () => {
    expect(platformChecksum(init, INIT_FIELDS, 'TEST_SECRET')).toBe('02521688f52437615e2fd5759a70559cb217b8ce72d1294f19a8c53eeb3f83ab');
  });

  it('joins QUERY and callback fields in their documented order', () => {
    const q = { LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: 'P', MaThamChieu: 'R', ThoiGianGD: '20260316103000' };
    expect(platformChecksum(q, QUERY_FIELDS, 's')).toBe(createHash('sha256').update('QUERY|1.0.6|P|R|20260316103000|s').digest('hex'));
    const cb = { LoaiBanTin: 'PAY', MaLoi: '00', MaDoiTac: 'P', MaThamChieu: 'R', SoTien: 5, MaTienTe: 'VND', MaGiaoDich: 'T', MaNganHang: 'B', ThoiGianGD: '1', ThongTinGiaoDich: 'x' };
    expect(platformChecksum(cb, CALLBACK_FIELDS, 's')).toBe(createHash('sha256').update('PAY|00|P|R|5|VND|T|B|1|x|s').digest('hex'));
  });

  it('changes with any field or the secret', () => {
    const base = platformChecksum(init, INIT_FIELDS, 'TEST_SECRET');
    expect(platformChecksum({ ...init, SoTien: '200001' }, INIT_FIELDS, 'TEST_SECRET')).not.toBe(base);
    expect(platformChecksum(init, INIT_FIELDS, 'OTHER')).not.toBe(base);
  });

  describe('constant-time compare', () => {
    const sum = platformChecksum(init, INIT_FIELDS, 'TEST_SECRET');
    it('accepts the same checksum in either case', () => {
      expect(checksumMatches(sum, sum)).toBe(true);
      expect(checksumMatches(sum, sum.toUpperCase())).toBe(true);
    });
    it.each([['one character off', `${sum.slice(0, -1)}0`], ['shorter', sum.slice(1)], ['empty', ''], ['not a string', 42], ['missing', undefined]])(
      'refuses %s',
      (_name, given) => expect(checksumMatches(sum, given)).toBe(false),
    );
    it('compares with crypto.timingSafeEqual, not ===', () => {
      const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
      const spy = jest.spyOn(crypto, 'timingSafeEqual');
      checksumMatches(sum, sum);
      checksumMatches(sum, 'short');
      expect(spy).toHaveBeenCalledTimes(2);
      spy.mockRestore();
    });
  });

  describe('time', () => {
    it('formats in Asia/Ho_Chi_Minh on a 24-hour clock and parses back', () => {
      const at = new Date('2026-03-16T15:30:00Z');
      expect(formatPlatformTime(at)).toBe('20260316223000');
      expect(parsePlatformTime('20260316223000')).toEqual(at);
      expect(formatPlatformTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    });
    it.each(['2026031622300', '20261316223000', '20260230120000', '20260316250000', 'x', 20260316223000])('rejects %p', (v) => {
      expect(parsePlatformTime(v)).toBeUndefined();
    });
    it('accepts times inside the window only', () => {
      const now = new Date('2026-03-16T10:00:00Z');
      const window = { pastMs: 3600_000, futureMs: 60_000 };
      expect(withinTimeWindow(new Date('2026-03-16T09:00:00Z'), now, window)).toBe(true);
      expect(withinTimeWindow(new Date('2026-03-16T08:59:59Z'), now, window)).toBe(false);
      expect(withinTimeWindow(new Date('2026-03-16T10:01:00Z'), now, window)).toBe(true);
      expect(withinTimeWindow(new Date('2026-03-16T10:01:01Z'), now, window)).toBe(false);
      expect(withinTimeWindow(undefined, now, window)).toBe(false);
    });
  });
});

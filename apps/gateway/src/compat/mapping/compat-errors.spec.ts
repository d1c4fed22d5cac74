import { DOSSIER_ERROR_CODES } from '@hub/contracts';
import { failed, succeeded } from './compat-answer';
import { CompatError, compatMeaningOf, describeProblem, dossierFieldName, NATIVE_PROBLEM_CODES, NATIVE_TO_COMPAT, progressFieldName } from './compat-errors';

describe('the compat error mapping', () => {
  it.each(NATIVE_PROBLEM_CODES.map((c) => [c]))('%s maps to a non-zero compat code with an NFC Vietnamese message that never says "thành công"', (code) => {
    const meaning = NATIVE_TO_COMPAT[code];
    expect(Object.values(CompatError)).toContain(meaning.code);
    expect(meaning.code).not.toBe(0);
    expect(meaning.vi).toBe(meaning.vi.normalize('NFC'));
    expect(meaning.vi).not.toMatch(/thành công/i);
  });

  it('every refusal of the dossier service (its list in @hub/contracts) is a native problem code the table maps', () => {
    for (const code of DOSSIER_ERROR_CODES) expect(NATIVE_TO_COMPAT[code].code).not.toBe(CompatError.UNAVAILABLE);
  });

  it('an unknown native code is UNAVAILABLE', () => {
    expect(compatMeaningOf('SOMETHING_NEW').code).toBe(CompatError.UNAVAILABLE);
    expect(compatMeaningOf(undefined).code).toBe(CompatError.UNAVAILABLE);
  });

  it('compat codes are distinct', () => expect(new Set(Object.values(CompatError)).size).toBe(Object.values(CompatError).length));

  it.each([
    ['code', 'MaHoSo'],
    ['receivingAgencyCode', 'MaHoSo'],
    ['procedureCode', 'MaTTHC'],
    ['receivedAt', 'NgayTiepNhan'],
    ['status', 'TrangThaiHoSo'],
    ['statusChangedAt', 'TrangThaiHoSo'],
    ['appointmentAt', 'NgayHenTra'],
    ['channel', 'KenhThucHien'],
    ['summary', 'TrichYeuHoSo'],
    ['applicant.fullName', 'ChuHoSo'],
    ['applicant.idNumber', 'SoGiayToChuHoSo'],
    ['applicant.phone', 'SoDienThoai'],
    ['applicant.email', 'Email'],
    ['documents.2.name', 'TaiLieuNop[2]'],
    ['fees.0.amount', 'DanhSachLePhi[0]'],
    ['results.1', 'DanhSachGiayToKetQua[1]'],
    ['supplements.0.at', 'DanhSachHoSoBoSung[0]'],
    ['steps.0.at', 'NgayKetThucXuLy'],
    ['steps.0.status', 'TrangThaiHoSo'],
    ['somethingElse', 'somethingElse'],
  ])('native field %s is %s in the vocabulary', (native, compat) => expect(dossierFieldName(native)).toBe(compat));

  it.each([
    ['steps.3.at', 'data[3].ThoiDiemXuLy'],
    ['steps.3.status', 'data[3].TrangThai'],
    ['steps.0.content', 'data[0].NoiDungXuLy'],
    ['steps.2.startedAt', 'data[2].NgayBatDau'],
    ['steps.2.dueAt', 'data[2].NgayKetThucTheoQuyDinh'],
    ['steps.2', 'data[2]'],
  ])('progress field %s is %s', (native, compat) => expect(progressFieldName(native)).toBe(compat));

  it('answers: success is the number 0 with "thành công" in NFC; a failure is non-zero and never says "thành công"', () => {
    const decomposed = 'Đồng bộ hồ sơ thành công'.normalize('NFD');
    expect(succeeded(decomposed)).toEqual({ error_code: 0, message: 'Đồng bộ hồ sơ thành công' });
    expect(() => succeeded('Xong')).toThrow();
    expect(() => failed(0, 'x')).toThrow();
    expect(failed(2, 'Đăng nhập không thành công').message).not.toContain('thành công');
    expect(describeProblem('Thiếu MaHoSo', 'MaHoSo', 'data[0]')).toBe('data[0]: Thiếu MaHoSo (trường MaHoSo)');
  });
});

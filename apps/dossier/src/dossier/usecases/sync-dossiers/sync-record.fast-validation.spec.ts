import { hasFastValidation } from '@hub/contracts';
import { checkFastValidationAgrees } from '@hub/testing';
import { SyncRecordDto } from './sync-record.dto';

/** Records shaped like an agency system's, every optional part used by one of them. */
const full = {
  code: '000.00.15.H31-260112-000001',
  version: 3,
  procedureCode: '1.001234',
  receivingAgencyCode: '000.00.15.H31',
  channel: 'COUNTER',
  status: 4,
  receivedAt: '2026-01-12T09:00:00+07:00',
  statusChangedAt: '2026-01-12T10:00:00+07:00',
  applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190000123', phone: '0912345678', address: 'Số 1 phố Huế, Hà Nội' },
  summary: 'Đăng ký khai sinh cho con',
  appointmentAt: '2026-01-19T09:00:00+07:00',
  steps: [
    { at: '2026-01-12T09:00:00+07:00', status: 2, handledBy: 'Nguyễn Thị Bích', position: 'Chuyên viên', unit: 'Bộ phận một cửa', content: 'Tiếp nhận hồ sơ' },
    { at: '2026-01-12T10:00:00+07:00', status: 4, unit: 'Phòng Tư pháp', startedAt: '2026-01-12T10:00:00+07:00', dueAt: '2026-01-14T17:00:00+07:00' },
  ],
  documents: [{ id: 'D1', componentCode: 'TK01', name: 'Tờ khai', copies: 1, digitised: true }],
  fees: [{ code: 'LP01', name: 'Lệ phí', amount: 50000 }],
  results: [{ id: 'R1', name: 'Giấy khai sinh', number: '123/GKS', electronic: true }],
  supplements: [{ id: 'S1', at: '2026-01-13T09:00:00+07:00', requestedAt: '2026-01-12T15:00:00+07:00', note: 'Bản sao CCCD' }],
  notices: [
    { form: '01', number: '1/TN', issuedAt: '2026-01-12T09:00:00+07:00', signedBy: 'Nguyễn Thị Bích' },
    { form: '04', number: '2/XL', issuedAt: '2026-01-14T09:00:00+07:00', signedBy: 'Trần Văn Cường', reason: 'Cần xác minh', newDueAt: '2026-01-21T17:00:00+07:00' },
  ],
  lookupKey: 'K000000001',
};
const minimal = { code: '000.00.15.H31-260112-000002', procedureCode: '1.001234', receivingAgencyCode: 'H55.242', channel: 'ONLINE', localStatus: 'DA_TIEP_NHAN', receivedAt: '2026-01-12T09:00:00Z', applicant: {} };

describe('a sync record takes the fast validation path', () => {
  it('with every nested class it holds', () => {
    expect(hasFastValidation(SyncRecordDto)).toBe(true);
  });

  it('and agrees with class-validator on records near real ones', () => {
    const tally = checkFastValidationAgrees(SyncRecordDto, [full, minimal], 'forbid', 400);
    expect(tally.accepted).toBeGreaterThan(40);
    expect(tally.rejected).toBeGreaterThan(200);
  });
});

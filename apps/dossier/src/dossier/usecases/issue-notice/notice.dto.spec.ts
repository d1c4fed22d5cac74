import { validatePayload } from '@hub/platform';
import { NoticeDto } from './notice.dto';

describe('NoticeDto', () => {
  const base = { number: '1/TB', issuedAt: '2026-01-14T10:00:00+07:00', signedBy: 'Nguyễn Văn B' };

  it.each(['02', '03', '05'])('requires a reason on form %s', (form) => {
    const result = validatePayload(NoticeDto, { ...base, form });
    expect(result.ok).toBe(false);
    expect(!result.ok && [...new Set(result.errors.map((e) => e.field))]).toEqual(['reason']);
    expect(validatePayload(NoticeDto, { ...base, form, reason: 'Thiếu giấy tờ' }).ok).toBe(true);
  });

  it('requires a reason and a new appointment on form 04, neither on form 01', () => {
    const result = validatePayload(NoticeDto, { ...base, form: '04' });
    expect(!result.ok && [...new Set(result.errors.map((e) => e.field))].sort()).toEqual(['newDueAt', 'reason']);
    expect(validatePayload(NoticeDto, { ...base, form: '01' }).ok).toBe(true);
  });
});

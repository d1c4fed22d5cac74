import { stubOf } from '@hub/testing';
import { SAMPLE_NATIONAL_CALENDARS, WorkingCalendar } from '@hub/calendar';
import type { OutboxWriter } from '@hub/messaging';
import { AppError } from '@hub/platform';
import type { ProcedureContent } from './procedure-content';
import type { ProcedurePolicy, ReferenceSnapshot } from './procedure-policy';
import type { ProcedureRepository } from './procedure.repository';
import { assessTimeliness } from './timeliness';
import { assertAfter, VersionPublisher } from './version-publisher';

const content = {
  name: 'Đăng ký khai sinh',
  sectorCodes: ['G12-HT01'],
  publishingAgencyCode: '000.00.00.H31',
  implementingAgencyCodes: ['101.01.00.H31'],
  steps: [{ title: 'Nộp hồ sơ' }],
  channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'WORKING_DAY' }, fees: [] }],
  requiredDocuments: [],
  subjects: ['Công dân'],
  results: ['Giấy khai sinh'],
  conditions: [],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  onlineLevel: 'FULL',
  publicationDecision: { number: '1/QĐ', date: '2026-03-06', issuingAgencyCode: '000.00.00.H31', fastTrack: false },
} as ProcedureContent;

const refs: ReferenceSnapshot = { agencies: new Set(), sectors: new Set(), topLevels: new Map([['000.00.00.H31', 'PROVINCE']]) };
const calendar = WorkingCalendar.compose(SAMPLE_NATIONAL_CALENDARS);
const policy = stubOf<ProcedurePolicy>({
  timeliness: (c: ProcedureContent, enteredAt: Date) =>
    assessTimeliness({ decisionDate: c.publicationDecision.date, fastTrack: false, issuingTopLevel: 'PROVINCE', enteredAt, calendar }),
});
const publisher = new VersionPublisher({} as ProcedureRepository, policy, {} as OutboxWriter);
const at = (iso: string) => new Date(iso);

describe('VersionPublisher.plan', () => {
  it('numbers the first version 1, effective when entered unless told otherwise, with search columns and timeliness', () => {
    const v = publisher.plan({ procedure: { code: '1.009001' }, content, enteredAt: at('2026-03-09T03:00:00Z'), actor: 'op', refs, calendar }, null);
    expect(v).toMatchObject({
      procedureCode: '1.009001',
      version: 1,
      effectiveFrom: at('2026-03-09T03:00:00Z'),
      effectiveTo: null,
      nameSearch: 'dang ky khai sinh',
      searchText: ' dang ky khai sinh 1 009001 ',
      timeliness: 'ON_TIME',
      entryDeadline: '2026-03-13',
    });
  });

  it('follows the latest version, and refuses dates that would rewrite history', () => {
    const latest = { version: 3, contentHash: 'h', effectiveFrom: at('2026-01-01T00:00:00Z'), publishedAt: at('2026-02-01T00:00:00Z') };
    const request = { procedure: { code: '1.009001' }, content, enteredAt: at('2026-03-09T03:00:00Z'), actor: 'op', refs, calendar };
    expect(publisher.plan(request, latest).version).toBe(4);
    expect(() => publisher.plan({ ...request, effectiveFrom: at('2026-01-01T00:00:00Z') }, latest)).toThrow(AppError);
    expect(() => publisher.plan({ ...request, effectiveFrom: at('2026-01-15T00:00:00Z') }, latest)).toThrow('later than 2026-02-01T07:00:00+07:00');
    expect(publisher.plan({ ...request, effectiveFrom: at('2026-02-01T00:00:00Z') }, latest).effectiveFrom).toEqual(at('2026-02-01T00:00:00Z'));
  });
});

describe('assertAfter', () => {
  const latest = { version: 1, contentHash: 'h', effectiveFrom: at('2027-01-01T00:00:00Z'), publishedAt: at('2026-01-01T00:00:00Z') };
  it('needs a date after a scheduled version’s start', () => {
    expect(thrownBy(() => assertAfter('1.009001', latest, at('2026-06-01T00:00:00Z'), 'withdrawnAt'))).toMatchObject({
      code: 'PROCEDURE_VERSION_OVERLAP',
      fields: [{ field: 'withdrawnAt' }],
    });
    expect(() => assertAfter('1.009001', latest, at('2027-01-01T00:00:01Z'), 'withdrawnAt')).not.toThrow();
  });
});

/** What a call threw, or undefined when it returned: an assertion on it fails when nothing was thrown. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  return undefined;
}

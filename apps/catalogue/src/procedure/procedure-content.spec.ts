import { validatePayload } from '@hub/platform';
import { canonicalContent, contentHash, CreateProcedureCommand } from './procedure-content';

export function validCommand(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: '1.001234',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sectorCodes: ['G09-XD01'],
    publishingAgencyCode: '000.00.00.H31',
    implementingAgencyCodes: ['000.00.15.H31'],
    steps: [{ title: 'Nộp hồ sơ' }],
    channels: [
      { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí', amount: 75000 }] },
      { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'DAY' }, fees: [] },
    ],
    requiredDocuments: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
    subjects: ['Công dân Việt Nam'],
    results: ['Giấy phép xây dựng'],
    legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng' }],
    onlineLevel: 'FULL',
    publicationDecision: { number: '1/QĐ-UBND', date: '2025-12-20', issuingAgencyCode: '000.00.00.H31' },
    ...overrides,
  };
}

const fieldsOf = (plain: unknown) => {
  const v = validatePayload(CreateProcedureCommand, plain);
  return v.ok ? [] : v.errors.map((e) => `${e.field}:${e.code}`);
};

describe('CreateProcedureCommand validation', () => {
  it('accepts a complete procedure', () => expect(fieldsOf(validCommand())).toEqual([]));

  it.each([
    ['negative fee', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: -1 }] }] }, 'channels.0.fees.0.amount:MIN'],
    ['fractional fee', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: 0.5 }] }] }, 'channels.0.fees.0.amount:IS_INT'],
    ['fee as a string', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'DAY' }, fees: [{ code: 'L', name: 'L', amount: '75000' }] }] }, 'channels.0.fees.0.amount:IS_INT'],
    ['unknown unit', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'WEEK' }, fees: [] }] }, 'channels.0.timeLimit.unit:IS_IN'],
    ['zero time limit', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 0, unit: 'DAY' }, fees: [] }] }, 'channels.0.timeLimit.amount:MIN'],
    ['repeated channel', { channels: [{ channel: 'ONLINE', timeLimit: { amount: 1, unit: 'DAY' }, fees: [] }, { channel: 'ONLINE', timeLimit: { amount: 2, unit: 'DAY' }, fees: [] }] }, 'channels:ARRAY_UNIQUE'],
    ['bad procedure code', { code: '1.1234' }, 'code:MATCHES'],
    ['bad sector code', { sectorCodes: ['g09 xd01'] }, 'sectorCodes:MATCHES'],
    ['bad agency code', { implementingAgencyCodes: ['000.00.15.h31'] }, 'implementingAgencyCodes:MATCHES'],
    ['no steps', { steps: [] }, 'steps:ARRAY_MIN_SIZE'],
    ['unknown field', { extra: 1 }, 'extra:UNKNOWN_FIELD'],
    ['impossible decision date', { publicationDecision: { number: '1', date: '2025-13-01', issuingAgencyCode: '000.00.00.H31' } }, 'publicationDecision.date:IS_REAL_LOCAL_DATE'],
    ['non-http form link', { requiredDocuments: [{ name: 'Đơn', formUrl: 'javascript:alert(1)', originals: 1, copies: 0 }] }, 'requiredDocuments.0.formUrl:IS_URL'],
  ])('rejects %s', (_name, override, expected) => expect(fieldsOf(validCommand(override))).toContain(expected));
});

describe('canonicalContent and contentHash', () => {
  it('orders channels, fills defaults and hashes the same content the same way whatever the key order', () => {
    const a = validatePayload(CreateProcedureCommand, validCommand());
    const b = validatePayload(CreateProcedureCommand, { ...validCommand(), channels: [...(validCommand().channels as unknown[])].reverse() });
    if (!a.ok || !b.ok) throw new Error('invalid');
    const content = canonicalContent(a.value);
    expect(content.channels.map((c) => c.channel)).toEqual(['COUNTER', 'ONLINE']);
    expect(content.conditions).toEqual([]);
    expect(content.publicationDecision.fastTrack).toBe(false);
    expect(contentHash(canonicalContent(b.value))).toBe(contentHash(content));
    const reordered = JSON.parse(JSON.stringify(content, Object.keys(content).sort()));
    expect(contentHash({ ...reordered, ...content })).toBe(contentHash(content));
    expect(contentHash({ ...content, name: 'Khác' })).not.toBe(contentHash(content));
  });
});

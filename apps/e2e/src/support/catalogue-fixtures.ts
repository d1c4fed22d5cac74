import type { Hub } from './hub';

export const PROVINCE = '000.00.00.H31';
export const DEPARTMENT = '000.00.15.H31';
export const OTHER_PROVINCE = '000.00.00.H55';
export const SECTOR = 'G09-XD01';

/**
 * Topics are shared by every suite of a run (and by earlier runs on a developer's broker), so each e2e
 * run publishes its own procedure codes rather than versions other suites also published.
 */
export function uniqueProcedureCode(): string {
  return `1.${String(100_000 + Math.floor(Math.random() * 900_000))}`;
}

/** Fresh consumer groups replay the compacted catalogue topics before they are current. */
export const CATCH_UP = { timeoutMs: 120_000, intervalMs: 500 };

/**
 * For the first effect a fresh consumer group must replay the run's backlog to reach: the first write that needs the
 * catalogue in a new dossier service (PROCEDURE_NOT_YET_KNOWN until then), the first dossier payment or rating learns
 * of. The other suites of the run published first; replaying it takes minutes on a busy 2-core machine. One try
 * every 2 s, which the bulk budget (`RATE_LIMIT_BULK`, 30 a minute) refills: retrying a sync faster only spends the
 * budget, and a failure would then report a 429 instead of why the dossier service refused.
 */
export const BACKLOG = { timeoutMs: 360_000, intervalMs: 2_000 };

/** A published procedure, created through the public API as an operator would. */
export async function publishProcedure(hub: Hub, operatorKey: string, code: string, fees: { code: string; name: string; amount: number }[]): Promise<void> {
  for (const [agency, level, parentCode] of [
    [PROVINCE, 'PROVINCE', undefined],
    [DEPARTMENT, 'UNIT', PROVINCE],
    [OTHER_PROVINCE, 'PROVINCE', undefined],
  ] as const) {
    const res = await hub.request('POST', '/v1/agencies', { apiKey: operatorKey, body: { code: agency, name: `Cơ quan ${agency}`, level, ...(parentCode ? { parentCode } : {}) } });
    if (res.status >= 300) throw new Error(`agency ${agency}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const sector = await hub.request('POST', '/v1/sectors', { apiKey: operatorKey, body: { code: SECTOR, name: 'Hoạt động xây dựng' } });
  if (sector.status >= 300) throw new Error(`sector: ${sector.status} ${JSON.stringify(sector.body)}`);
  const draft = await hub.request('POST', '/v1/procedures', { apiKey: operatorKey, body: procedureDraft(code, fees) });
  if (draft.status !== 201) throw new Error(`procedure draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  const published = await hub.request('POST', `/v1/procedures/${code}/publish`, { apiKey: operatorKey, body: {} });
  if (published.status >= 300) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  // The version takes effect at the instant of publication, milliseconds included, while the suites write receipt
  // times to the second: wait for the next whole second, so a dossier "received now" is never received before it.
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

export function procedureDraft(code: string, fees: { code: string; name: string; amount: number }[]) {
  return {
    code,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sectorCodes: [SECTOR],
    publishingAgencyCode: PROVINCE,
    implementingAgencyCodes: [DEPARTMENT],
    steps: [{ title: 'Nộp hồ sơ' }, { title: 'Thẩm định' }, { title: 'Trả kết quả' }],
    channels: [
      { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees },
      { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees },
    ],
    requiredDocuments: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng', formName: 'Mẫu số 01', originals: 1, copies: 0 }],
    subjects: ['Công dân Việt Nam'],
    results: ['Giấy phép xây dựng'],
    legalBasis: [{ number: '15/2021/NĐ-CP', title: 'Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng' }],
    onlineLevel: 'FULL',
    publicationDecision: { number: '1234/QĐ-UBND', date: '2026-01-05', issuingAgencyCode: PROVINCE },
  };
}

export const APPLICANT = { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678' };

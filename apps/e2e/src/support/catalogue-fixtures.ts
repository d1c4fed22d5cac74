import type { Hub } from './hub';

export const PROVINCE = '000.00.00.H31';
export const DEPARTMENT = '000.00.15.H31';
export const OTHER_PROVINCE = '000.00.00.H55';

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
  const draft = await hub.request('POST', '/v1/procedures', { apiKey: operatorKey, body: procedureDraft(code, fees) });
  if (draft.status !== 201) throw new Error(`procedure draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  const published = await hub.request('POST', `/v1/procedures/${code}/publish`, { apiKey: operatorKey, body: {} });
  if (published.status >= 300) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
}

export function procedureDraft(code: string, fees: { code: string; name: string; amount: number }[]) {
  return {
    code,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sectorCodes: [],
    publishingAgencyCode: PROVINCE,
    implementingAgencyCodes: [DEPARTMENT],
    onlineLevel: 'FULL',
    channels: [
      { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees },
      { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees },
    ],
  };
}

export const APPLICANT = { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678' };

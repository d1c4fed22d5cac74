import { randomInt } from 'node:crypto';
import { OutboxRelay } from '@hub/messaging';
import { startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import type { CallerIdentity } from '@hub/platform';
import { CATALOGUE_SERVICE, CatalogueAppModule } from '../src/catalogue-app.module';
import { CatalogueConfig } from '../src/config/catalogue.config';

export type Catalogue = ServiceUnderTest<CatalogueConfig>;

export function startCatalogue(env: Record<string, string> = {}): Promise<Catalogue> {
  return startServiceUnderTest({ service: CATALOGUE_SERVICE, configClass: CatalogueConfig, module: CatalogueAppModule.forRoot, env });
}

/** Codes unique to this run: topics are shared between runs, databases are not. */
export const unique = {
  /** A province-level agency in the QCVN form, e.g. `000.00.00.H37` with a random prefix. */
  province: () => `${pad(randomInt(100, 999), 3)}.00.00.H${pad(randomInt(1, 63), 2)}`,
  unit: (province: string) => `${province.slice(0, 3)}.00.${pad(randomInt(1, 99), 2)}.${province.slice(-3)}`,
  ministry: () => `${pad(randomInt(100, 999), 3)}.00.00.G${pad(randomInt(1, 30), 2)}`,
  procedure: () => `${randomInt(1, 3)}.${pad(randomInt(0, 999_999), 6)}`,
  sector: () => `G${pad(randomInt(1, 99), 2)}-T${pad(randomInt(0, 9999), 4)}`,
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export const WRITER: Partial<CallerIdentity> & Pick<CallerIdentity, 'roles'> = { clientId: 'vpcp-operator', kind: 'operator', roles: ['catalogue:write'] };

export function writerHeaders(catalogue: Catalogue): Record<string, string> {
  return { 'x-hub-identity': catalogue.identity(WRITER) };
}

export async function drain(catalogue: Catalogue): Promise<number> {
  return catalogue.app.get(OutboxRelay).drain();
}

/** A complete hub-shape procedure body (every mandatory part of Decree 63/2010 Art. 8). */
export function procedureBody(code: string, refs: { publisher: string; implementers: string[]; sector: string }, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sectorCodes: [refs.sector],
    publishingAgencyCode: refs.publisher,
    implementingAgencyCodes: refs.implementers,
    steps: [
      { title: 'Nộp hồ sơ', description: 'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc tại Bộ phận Một cửa' },
      { title: 'Tiếp nhận và xử lý' },
      { title: 'Trả kết quả' },
    ],
    channels: [
      { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }] },
      { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }] },
    ],
    requiredDocuments: [
      { name: 'Đơn đề nghị cấp giấy phép xây dựng', formName: 'Mẫu số 01', originals: 1, copies: 0 },
      { name: 'Bản vẽ thiết kế xây dựng', originals: 2, copies: 0 },
    ],
    subjects: ['Công dân Việt Nam', 'Người nước ngoài'],
    results: ['Giấy phép xây dựng'],
    conditions: [],
    legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng', issuedDate: '2014-06-18', issuedBy: 'Quốc hội' }],
    onlineLevel: 'FULL',
    publicationDecision: { number: '123/QĐ-UBND', date: '2025-12-20', issuingAgencyCode: refs.publisher },
    ...overrides,
  };
}

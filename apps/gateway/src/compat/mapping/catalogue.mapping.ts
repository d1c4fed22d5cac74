import { formatCompatDate } from './compat-dates';

/** The parts of the native procedure view (`GET /v1/procedures/{code}`) the LayThuTuc shape shows. */
export interface NativeProcedureView {
  code: string;
  name: string;
  sectorCodes: string[];
  publishingAgencyCode: string;
  implementingAgencyCodes: string[];
  steps: Array<{ title: string; description?: string }>;
  channels: Array<{ channel: 'COUNTER' | 'ONLINE' | 'POSTAL'; timeLimit: { amount: number; unit: 'WORKING_DAY' | 'DAY' | 'WORKING_HOUR' }; fees: Array<{ code: string; name: string; amount: number }>; description?: string }>;
  requiredDocuments: Array<{ name: string; formName?: string; formUrl?: string; originals: number; copies: number }>;
  subjects: string[];
  results: string[];
  conditions?: string[];
  legalBasis: Array<{ number: string; title: string; issuedDate?: string; issuedBy?: string }>;
  onlineLevel: 'FULL' | 'PARTIAL' | 'NONE';
  publicationDecision: { number: string; date: string; issuingAgencyCode: string; fastTrack?: boolean };
  effectiveFrom: string;
}

const KENH = { COUNTER: '1', ONLINE: '2', POSTAL: '3' } as const;
const DONVITINH = { WORKING_DAY: 'Ngày làm việc', DAY: 'Ngày', WORKING_HOUR: 'Giờ làm việc' } as const;
const MUCDO = { FULL: '4', PARTIAL: '3', NONE: '2' } as const;
/** `2026-01-05` → `05/01/2026`, the date form of LayThuTuc answers. */
const dmy = (isoDate: string | undefined): string => (isoDate && /^\d{4}-\d{2}-\d{2}/.test(isoDate) ? `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}` : '');

/**
 * Native procedure → the national portal's `LayThuTuc` record (upper-case keys), the same shape the catalogue
 * imports (apps/catalogue lay-thu-tuc.mapper.ts): importing this answer gives back the same procedure. Pure.
 */
export function layThuTucOf(p: NativeProcedureView, sectorNames: ReadonlyMap<string, string>, agencyNames: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    MATTHC: p.code,
    TENTTHC: p.name,
    LINHVUCTHUCHIEN: p.sectorCodes.map((code) => ({ MALINHVUC: code, TENLINHVUC: sectorNames.get(code) ?? '' })),
    COQUANCONGBO: p.publishingAgencyCode,
    COQUANTHUCHIEN: p.implementingAgencyCodes.map((code) => ({ MADONVI: code, TENDONVI: agencyNames.get(code) ?? '' })),
    TRINHTUTHUCHIEN: p.steps.map((s) => ({ TENTRINHTU: s.title, NOIDUNG: s.description ?? '' })),
    CACHTHUCTHUCHIEN: p.channels.map((c) => ({
      KENH: KENH[c.channel],
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: String(c.timeLimit.amount),
          DONVITINH: DONVITINH[c.timeLimit.unit],
          PHILEPHI: c.fees.map((f) => ({ MAPHILEPHI: f.code, SOTIEN: String(f.amount), MOTA: f.name })),
          MOTA: c.description ?? '',
        },
      ],
    })),
    THANHPHANHOSO: [
      {
        GIAYTO: p.requiredDocuments.map((d) => ({ TENGIAYTO: d.name, TENMAUDON: d.formName ?? '', URL: d.formUrl ?? '', SOBANCHINH: String(d.originals), SOBANSAO: String(d.copies) })),
      },
    ],
    DOITUONGTHUCHIEN: p.subjects.map((s) => ({ TENDOITUONG: s })),
    KETQUATHUCHIEN: p.results.map((r) => ({ TENKETQUA: r })),
    YEUCAUDIEUKIEN: (p.conditions ?? []).join('\n'),
    CANCUPHAPLY: p.legalBasis.map((l) => ({ SOVANBAN: l.number, TENVANBAN: l.title, NGAYBANHANH: dmy(l.issuedDate), COQUANBANHANH: l.issuedBy ?? '' })),
    MUCDO: MUCDO[p.onlineLevel],
    QUYETDINHCONGBO: { SOQUYETDINH: p.publicationDecision.number, NGAYBANHANH: dmy(p.publicationDecision.date), MACOQUANBANHANH: p.publicationDecision.issuingAgencyCode, RUTGON: p.publicationDecision.fastTrack ? '1' : '0' },
    NGAYHIEULUC: formatCompatDate(p.effectiveFrom),
  };
}

export interface NativeAgency {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}
export interface NativeSector {
  code: string;
  name: string;
}

export function coQuanOf(a: NativeAgency): Record<string, string> {
  return { MADONVI: a.code, TENDONVI: a.name, MADONVICHA: a.parentCode ?? '', CAPDONVI: a.level };
}

export function linhVucOf(s: NativeSector): Record<string, string> {
  return { MALINHVUC: s.code, TENLINHVUC: s.name };
}

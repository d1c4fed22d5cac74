import { createHash } from 'node:crypto';
import { canonicalJson, type DossierStatus } from '@hub/contracts';
import type { DossierContent } from '../../domain/dossier-state';
import type { NoticeInput } from '../../domain/notices';
import { stepTermsOf, type ResultWithId } from '../../step-terms';
import type { SupplementLine } from '../../supplements';
import type { SyncRecordDto } from './sync-record.dto';

export function contentHashOf(record: SyncRecordDto): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

const dateOrNull = (v: string | undefined): Date | null => (v === undefined ? null : new Date(v));

/** A validated record as the domain's content (status already national). */
export function contentOf(record: SyncRecordDto, status: DossierStatus): DossierContent {
  return {
    procedureCode: record.procedureCode,
    receivingAgencyCode: record.receivingAgencyCode,
    channel: record.channel,
    status,
    receivedAt: new Date(record.receivedAt),
    // Omitted (hub-ordered records): resolved against the stored state by resolveHubOrdered; receivedAt until then.
    statusChangedAt: new Date(record.statusChangedAt ?? record.receivedAt),
    applicant: { ...record.applicant, fullName: record.applicant.fullName ?? '' },
    summary: record.summary ?? null,
    appointmentAt: dateOrNull(record.appointmentAt),
    steps: (record.steps ?? []).map((s) => ({
      at: new Date(s.at),
      status: s.status as DossierStatus,
      handledBy: s.handledBy ?? null,
      position: s.position ?? null,
      unit: s.unit ?? null,
      content: s.content ?? null,
      ...stepTermsOf(s),
    })),
    documents: (record.documents ?? []).map((d) => ({ ...(d.id ? { id: d.id } : {}), ...(d.componentCode ? { componentCode: d.componentCode } : {}), name: d.name, copies: d.copies, digitised: d.digitised })),
    fees: (record.fees ?? []).map((f) => ({ code: f.code, name: f.name, amount: f.amount })),
    results: (record.results ?? []).map((r): ResultWithId => ({ ...(r.id ? { id: r.id } : {}), name: r.name, number: r.number ?? null, electronic: r.electronic })),
  };
}

/** The supplements a record reports, times parsed. */
export function supplementsOf(record: Pick<SyncRecordDto, 'supplements'>): SupplementLine[] {
  return (record.supplements ?? []).map((s) => ({
    at: new Date(s.at),
    note: s.note ?? null,
    ...(s.id ? { id: s.id } : {}),
    ...(s.requestedAt ? { requestedAt: new Date(s.requestedAt) } : {}),
    source: 'agency' as const,
  }));
}

export function noticesOf(record: Pick<SyncRecordDto, 'notices'>): NoticeInput[] {
  return (record.notices ?? []).map(noticeInputOf);
}

export function noticeInputOf(n: NonNullable<SyncRecordDto['notices']>[number]): NoticeInput {
  return { form: n.form, number: n.number, issuedAt: new Date(n.issuedAt), signedBy: n.signedBy, reason: n.reason ?? null, newDueAt: dateOrNull(n.newDueAt) };
}

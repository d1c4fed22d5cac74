import { formatInZone } from '@hub/calendar';
import type { DossierState } from './domain/dossier-state';
import { Reject, type Rejection } from './domain/rejection';

/** How far in the future a reported time may be (clock skew), as for every other time of a sync record. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * A supplement as the hub keeps it: documents the applicant supplied while the dossier waited in status 5. The
 * portal's come from the applicant (`POST /v1/dossiers/{code}/supplements`); an agency system reports the ones it
 * took in at its counter with the sync record (`supplements[]`, `DanhSachHoSoBoSung` of the national vocabulary),
 * with its own id and when it had asked. The domain keeps `at` and `note`; the rest rides along in the same column.
 */
export type SupplementLine = DossierState['supplements'][number] & { id?: string; requestedAt?: Date; source?: 'agency' };

const identity = (s: SupplementLine): string => (s.id ? `id:${s.id}` : `at:${s.at.getTime()}|${s.note ?? ''}`);

/**
 * The known supplements and those a sync record reports: one known by its id (or, without one, by time and note)
 * is not added again, none is ever removed (the applicant's own through the portal stay), in time order. Each
 * reported one lies between receipt and now. Pure.
 */
export function mergeSupplements(state: Pick<DossierState, 'receivedAt' | 'supplements'>, reported: readonly SupplementLine[], now: Date): SupplementLine[] | Rejection {
  for (const [i, s] of reported.entries()) {
    if (s.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return Reject.timeInFuture(`supplements.${i}.at`);
    if (s.at.getTime() < state.receivedAt.getTime()) return Reject.timeOutOfOrder(`supplements.${i}.at`, 'before receivedAt');
    if (s.requestedAt && s.requestedAt.getTime() > s.at.getTime()) return Reject.timeOutOfOrder(`supplements.${i}.requestedAt`, 'after the supplement was taken in');
  }
  const known = state.supplements as SupplementLine[];
  const seen = new Set(known.map(identity));
  const added = reported.filter((s) => {
    const key = identity(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (added.length === 0) return known;
  return [...known, ...added].map((s, i) => ({ s, i })).sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.i - b.i).map(({ s }) => s);
}

/** A stored supplement (JSON) back as a line. */
export function supplementOf(raw: Record<string, unknown>): SupplementLine {
  return {
    at: new Date(raw.at as string),
    note: (raw.note as string | null) ?? null,
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    ...(typeof raw.requestedAt === 'string' ? { requestedAt: new Date(raw.requestedAt) } : {}),
    ...(raw.source === 'agency' ? { source: 'agency' as const } : {}),
  };
}

/** A supplement as the API shows it. */
export function supplementViewOf(s: SupplementLine) {
  return {
    ...(s.id ? { id: s.id } : {}),
    at: formatInZone(s.at),
    requestedAt: s.requestedAt ? formatInZone(s.requestedAt) : null,
    note: s.note,
    reportedBy: s.source === 'agency' ? ('agency' as const) : ('applicant' as const),
  };
}

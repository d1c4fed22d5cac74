import { WorkingCalendar, type CalendarYear } from '@hub/calendar';
import { DossierStatus } from '@hub/contracts';
import { decide, type DecideContext, type SyncCommand } from './decide';
import type { DossierContent, DossierState } from './dossier-state';

/**
 * Test fixtures of the domain specs: January–May 2026 as DOMAIN.md's examples describe it (1–2 Jan off, Saturday
 * 10 Jan a make-up working day, Tết 16–20 Feb, 30 Apr–1 May off). Only 2026 is loaded.
 */
export const CAL_2026: CalendarYear = {
  scope: 'national',
  year: 2026,
  holidays: ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01'],
  workingDays: ['2026-01-10'],
};
export const calendar = WorkingCalendar.compose([CAL_2026]);
export const AGENCY = '000.00.15.H31';
export const NOW = new Date('2026-06-01T00:00:00+07:00');
export const ctx: DecideContext = { calendar, now: NOW };

export const at = (local: string): Date => new Date(`${local}+07:00`);

export function content(over: Partial<DossierContent> = {}): DossierContent {
  return {
    procedureCode: '1.001234',
    receivingAgencyCode: AGENCY,
    channel: 'COUNTER',
    status: DossierStatus.Accepted,
    receivedAt: at('2026-01-12T09:00:00'),
    statusChangedAt: at('2026-01-12T09:00:00'),
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234' },
    summary: null,
    appointmentAt: null,
    steps: [],
    documents: [{ name: 'Đơn', copies: 1, digitised: true }],
    fees: [{ code: 'LP01', name: 'Lệ phí', amount: 50000 }],
    results: [],
    ...over,
  };
}

export function sync(version: number, over: Partial<DossierContent> = {}, extra: Partial<SyncCommand> = {}): SyncCommand {
  return {
    kind: 'sync',
    code: `${AGENCY}-260112-0001`,
    version,
    contentHash: `hash-${version}-${JSON.stringify(over)}`,
    content: content(over),
    notices: [],
    procedure: { code: '1.001234', version: 1, timeLimit: { amount: 5, unit: 'WORKING_DAY' } },
    ...extra,
  };
}

/** A dossier first seen through sync (version 1) at `status`. */
export function seen(status: DossierStatus, over: Partial<DossierContent> = {}): DossierState {
  const decision = decide(null, sync(1, { status, ...over }), ctx);
  if (decision.outcome !== 'created') throw new Error(`fixture not created: ${JSON.stringify(decision)}`);
  return decision.state;
}

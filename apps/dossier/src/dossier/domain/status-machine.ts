import { DossierStatus } from '@hub/contracts';
import type { StatusChange } from './dossier-state';

/**
 * The allowed status changes of DOMAIN.md ("Dossier status", hub rule), as data. Keeping the same status is not a
 * transition; anything not listed is refused with INVALID_STATUS_TRANSITION.
 */
export const TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  [DossierStatus.Submitted]: [DossierStatus.Accepted, DossierStatus.Refused, DossierStatus.Withdrawn],
  [DossierStatus.Accepted]: [DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.FeeRequested, DossierStatus.Withdrawn, DossierStatus.Stopped],
  [DossierStatus.Refused]: [],
  [DossierStatus.Processing]: [DossierStatus.SupplementRequested, DossierStatus.FeeRequested, DossierStatus.Finished, DossierStatus.Withdrawn, DossierStatus.Stopped],
  [DossierStatus.SupplementRequested]: [DossierStatus.Processing, DossierStatus.Withdrawn, DossierStatus.Stopped],
  [DossierStatus.FeeRequested]: [DossierStatus.Processing, DossierStatus.Finished, DossierStatus.Withdrawn, DossierStatus.Stopped],
  [DossierStatus.Withdrawn]: [],
  [DossierStatus.Stopped]: [],
  [DossierStatus.Finished]: [DossierStatus.Returned],
  [DossierStatus.Returned]: [],
};

export function isAllowedTransition(from: DossierStatus, to: DossierStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The clock stops while the agency waits for the applicant (supplements) or for a fee. */
export const PAUSING_STATUSES: readonly DossierStatus[] = [DossierStatus.SupplementRequested, DossierStatus.FeeRequested];

export function isPausing(status: DossierStatus): boolean {
  return PAUSING_STATUSES.includes(status);
}

/** Statuses after which the clock no longer matters (finished, returned, or ended without a result). */
export const CLOSED_STATUSES: readonly DossierStatus[] = [
  DossierStatus.Refused,
  DossierStatus.Withdrawn,
  DossierStatus.Stopped,
  DossierStatus.Finished,
  DossierStatus.Returned,
];

export function isClosed(status: DossierStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/**
 * Finishing (DOMAIN.md "Dossier status": the clock stops at 9, where on-time is judged): reaching 9, or reaching 10
 * directly when 9 was skipped (a dossier first seen returned, with no change to 9 on record). The result time is
 * the first such change; null while the dossier is not finished.
 */
export function finishingChange(history: readonly Pick<StatusChange, 'from' | 'to' | 'at'>[]): Pick<StatusChange, 'from' | 'to' | 'at'> | null {
  return history.find((c) => c.to === DossierStatus.Finished || (c.to === DossierStatus.Returned && c.from !== DossierStatus.Finished)) ?? null;
}

/** Statuses whose clock is running or paused: a due date that may still move. */
export const RUNNING_STATUSES: readonly DossierStatus[] = [
  DossierStatus.Accepted,
  DossierStatus.Processing,
  DossierStatus.SupplementRequested,
  DossierStatus.FeeRequested,
];

export const STATUS_NAMES: Readonly<Record<DossierStatus, { vi: string; en: string }>> = {
  [DossierStatus.Submitted]: { vi: 'Mới đăng ký', en: 'Submitted online, not yet accepted' },
  [DossierStatus.Accepted]: { vi: 'Được tiếp nhận', en: 'Accepted' },
  [DossierStatus.Refused]: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  [DossierStatus.Processing]: { vi: 'Đang xử lý', en: 'Processing' },
  [DossierStatus.SupplementRequested]: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplementary documents requested' },
  [DossierStatus.FeeRequested]: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fee requested' },
  [DossierStatus.Withdrawn]: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  [DossierStatus.Stopped]: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  [DossierStatus.Finished]: { vi: 'Đã xử lý xong', en: 'Result ready' },
  [DossierStatus.Returned]: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

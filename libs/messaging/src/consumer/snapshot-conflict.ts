import { AppError } from '@hub/platform';

export const SNAPSHOT_CONFLICT = 'SNAPSHOT_CONFLICT';

/**
 * A read model received a second, different snapshot for a key and version it already holds. Published versions
 * never change, so one of the two is forged or broken: the message is parked on `<topic>.dlq` at once with this
 * code as its reason (no retry can change it) and logged; the first snapshot stays, and nothing is silently kept.
 */
export class SnapshotConflictError extends AppError<typeof SNAPSHOT_CONFLICT> {
  constructor(what: string, key: string, version: number | string) {
    super(SNAPSHOT_CONFLICT, `${what} ${key} version ${version} arrived again with different content; the first one is kept`, {
      messageVi: `${what} ${key} phiên bản ${version} được gửi lại với nội dung khác`,
      params: { key, version },
    });
  }
}

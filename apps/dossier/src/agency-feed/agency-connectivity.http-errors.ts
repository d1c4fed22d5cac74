import type { HttpErrorMap } from '@hub/platform';
import { dossierHttpErrors } from '../dossier.http-errors';
import type { WebhookErrorCode } from '../webhook/webhook.errors';
import type { AgencyFeedErrorCode } from './agency-feed.errors';

/** The agency feed's and webhooks' codes, mapped to HTTP once (registered beside the dossier map). */
export const agencyConnectivityHttpErrors: HttpErrorMap<AgencyFeedErrorCode | WebhookErrorCode> = {
  INVALID_CURSOR: { status: 400, title: 'The cursor was not issued by this hub', titleVi: 'Con trỏ không hợp lệ' },
  WEBHOOK_TARGET_NOT_ALLOWED: { status: 422, title: 'The webhook URL is not an allowed target', titleVi: 'Địa chỉ webhook không được phép' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'Webhook not found', titleVi: 'Không tìm thấy webhook' },
  // The same mapping as the dossier's (a code mapped twice must be mapped the same way).
  AGENCY_SCOPE_VIOLATION: dossierHttpErrors.AGENCY_SCOPE_VIOLATION,
};

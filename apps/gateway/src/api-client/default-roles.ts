import type { HubRole } from '@hub/contracts';
import type { CallerKind } from '@hub/platform';

/** Roles a client gets when it is registered without `roles` (README "API clients"). */
export const DEFAULT_ROLES: Readonly<Record<Exclude<CallerKind, 'public'>, readonly HubRole[]>> = {
  'agency-system': ['dossier:sync', 'dossier:notice', 'dossier:read', 'dossier:feed', 'payment:read', 'rating:read', 'rating:submit', 'payment:refund'],
  portal: ['dossier:submit', 'dossier:read', 'dossier:applicant-action', 'payment:read', 'rating:read', 'rating:submit', 'payment:create'],
  'payment-provider': [],
  operator: ['catalogue:write', 'dossier:read', 'payment:read', 'rating:read', 'payment:refund', 'payment:reconcile'],
};

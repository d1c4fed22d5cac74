import { HUB_ROLES, type HubRole } from '@hub/contracts';
import type { AppError } from '../errors/app-error';
import type { FieldError } from '../errors/problem.exception';
import { problem } from '../errors/problems';
import type { CallerIdentity, CallerKind } from './caller-identity';

/**
 * THE access policy of the hub, in one place (README "Who may do what", docs/security.md):
 *   1. kind → the roles a client of that kind may hold (checked when a client is registered or changed, and again
 *      on every use: a role the kind may not hold grants nothing, even if an older registration stored it);
 *   2. role → what it lets the caller read and write;
 *   3. kind → how far the caller reaches across agencies (scope rules);
 *   4. personal data → who sees it unmasked, and which reads are audited.
 * Deny by default: an unknown role, a role not in the matrix, or a kind not listed for a role grants nothing.
 *
 * Adding a role: append it to HUB_ROLES (libs/contracts) and give it an entry here (the Record type makes a role
 * without a policy fail to compile); add it to a kind's defaults in apps/gateway/src/api-client/default-roles.ts.
 */
export type ClientKind = Exclude<CallerKind, 'public'>;

export interface RolePolicy {
  /** The only kinds of client that may hold the role. */
  readonly kinds: readonly ClientKind[];
  /** What the role reads and writes, for the README's matrix and the admin API. */
  readonly grants: string;
}

export const ROLE_POLICY: { readonly [R in HubRole]: RolePolicy } = {
  'hub:admin': { kinds: ['operator'], grants: 'API clients (register, list, change, disable, rotate keys), the exchange-log check, the admin audit' },
  'catalogue:write': { kinds: ['operator'], grants: 'procedures, agencies, sectors, calendars, the catalogue import, every agency’s status mapping (national)' },
  'status-mapping:write': { kinds: ['agency-system', 'operator'], grants: 'the local status mapping of the caller’s own agencies' },
  'dossier:submit': { kinds: ['portal', 'agency-system'], grants: 'online intake (an agency system: for its own agencies)' },
  'dossier:read': { kinds: ['agency-system', 'portal', 'operator'], grants: 'dossiers, history, notices (personal data masked and audited outside the owning agency)' },
  'dossier:read-personal': { kinds: ['portal', 'operator'], grants: 'unmasked ID numbers, phones and e-mails of applicants of any dossier (every read audited)' },
  'dossier:sync': { kinds: ['agency-system'], grants: 'batch sync of the own agencies’ dossiers and steps' },
  'dossier:notice': { kinds: ['agency-system'], grants: 'notices (forms 01–05) on the own agencies’ dossiers' },
  'dossier:feed': { kinds: ['agency-system'], grants: 'the feed of online dossiers of the own agencies' },
  'dossier:applicant-action': { kinds: ['portal'], grants: 'the applicant’s own actions (withdraw, supplements)' },
  'payment:read': { kinds: ['agency-system', 'portal', 'operator'], grants: 'fee assessments and payments of visible dossiers' },
  'payment:create': { kinds: ['portal'], grants: 'start an online payment of a visible dossier’s open fee request' },
  'payment:refund': { kinds: ['agency-system', 'operator'], grants: 'refund a succeeded payment of a visible dossier' },
  'payment:reconcile': { kinds: ['operator'], grants: 'reconcile providers’ settlement statements and resolve their exceptions' },
  'rating:read': { kinds: ['agency-system', 'portal', 'operator'], grants: 'ratings of visible dossiers and their aggregates' },
  'rating:submit': { kinds: ['agency-system', 'portal'], grants: 'the applicant’s rating of a visible dossier' },
  'audit:read': { kinds: ['operator'], grants: 'the audit trails: personal-data reads and administrative actions' },
};

/** How far a caller reaches across agencies: its own agencies, every agency, or none. */
export type AgencyReach = 'own-agencies' | 'all' | 'none';

export const AGENCY_REACH: { readonly [K in CallerKind]: AgencyReach } = {
  'agency-system': 'own-agencies',
  portal: 'all',
  operator: 'all',
  // Held back by its roles: no dossier, catalogue or rating role is open to a payment provider.
  'payment-provider': 'all',
  public: 'none',
};

/**
 * At most this many agency codes per client: every code travels in the signed identity header of every request,
 * whose size is bounded (an identity too large to sign would lock the client out of every call). 200 codes of the
 * longest form (13 characters) with every role stay under a third of the header budget whatever the signature.
 */
export const MAX_AGENCY_CODES_PER_CLIENT = 200;

const KNOWN_ROLES: ReadonlySet<string> = new Set(HUB_ROLES);

export function isHubRole(role: string): role is HubRole {
  return KNOWN_ROLES.has(role);
}

/** Whether a client of `kind` may hold `role` (false for unknown roles and for the public). */
export function kindMayHold(kind: CallerKind, role: string): boolean {
  return kind !== 'public' && isHubRole(role) && ROLE_POLICY[role].kinds.includes(kind);
}

/** The roles of a kind, in HUB_ROLES order. */
export function rolesOfKind(kind: CallerKind): HubRole[] {
  return HUB_ROLES.filter((role) => kindMayHold(kind, role));
}

/** Holds the role AND its kind may hold it: a role stored on a client of the wrong kind grants nothing. */
export function holdsRole(caller: CallerIdentity, role: string): boolean {
  return caller.roles.includes(role) && kindMayHold(caller.kind, role);
}

/** The roles that actually grant something to this caller. */
export function effectiveRoles(caller: Pick<CallerIdentity, 'kind' | 'roles'>): string[] {
  return caller.roles.filter((role) => kindMayHold(caller.kind, role));
}

/** Whether the caller's reach covers the agency (agency systems: their own agencies; the public: none). */
export function reachesAgency(caller: CallerIdentity, agencyCode: string): boolean {
  const reach = AGENCY_REACH[caller.kind];
  return reach === 'all' || (reach === 'own-agencies' && caller.agencyCodes.includes(agencyCode));
}

/**
 * The check of a use case: the caller holds `role` (its kind permitting) and, when the action concerns an agency,
 * reaches it. Refusals: 403 FORBIDDEN for the role; `outOfScope()` for the agency (a 404 for a read, so another
 * agency's record answers like a missing one, or a 403 AGENCY_SCOPE_VIOLATION for a command naming the agency).
 */
export function authorize(caller: CallerIdentity, role: HubRole, target?: { agencyCode: string; outOfScope: () => AppError }): void {
  if (!holdsRole(caller, role)) throw problem(403, 'FORBIDDEN', { detail: `Requires the role ${role}, open to: ${ROLE_POLICY[role].kinds.join(', ')}.` });
  if (target && !reachesAgency(caller, target.agencyCode)) throw target.outOfScope();
}

/** The client as registration sees it. */
export interface ClientShape {
  kind: ClientKind;
  agencyCodes: readonly string[];
  roles: readonly string[];
}

/**
 * What the policy refuses in a client's registration (or its state after a change), as field errors:
 * roles its kind may not hold, agencies on a kind that is not bound to agencies, an agency system bound to none,
 * more agency codes than the identity carries, duplicates.
 */
export function clientPolicyViolations(client: ClientShape): FieldError[] {
  const errors: FieldError[] = [];
  client.roles.forEach((role, i) => {
    if (!kindMayHold(client.kind, role)) {
      errors.push({ field: `roles.${i}`, code: 'ROLE_NOT_ALLOWED_FOR_KIND', message: `a ${client.kind} client may not hold ${role} (allowed: ${rolesOfKind(client.kind).join(', ') || 'none'})` });
    }
  });
  const bound = AGENCY_REACH[client.kind] === 'own-agencies';
  if (bound && client.agencyCodes.length === 0) {
    errors.push({ field: 'agencyCodes', code: 'AGENCY_CODES_REQUIRED', message: `a ${client.kind} client acts for at least one agency` });
  }
  if (!bound && client.agencyCodes.length > 0) {
    errors.push({ field: 'agencyCodes', code: 'AGENCY_CODES_NOT_ALLOWED', message: `a ${client.kind} client is not bound to agencies; send []` });
  }
  if (client.agencyCodes.length > MAX_AGENCY_CODES_PER_CLIENT) {
    errors.push({ field: 'agencyCodes', code: 'TOO_MANY_AGENCY_CODES', message: `at most ${MAX_AGENCY_CODES_PER_CLIENT} agency codes per client (sent ${client.agencyCodes.length}); split the system into several clients` });
  }
  if (new Set(client.agencyCodes).size !== client.agencyCodes.length) {
    errors.push({ field: 'agencyCodes', code: 'DUPLICATE_AGENCY_CODES', message: 'each agency code once' });
  }
  return errors;
}

/** How much of an applicant's personal data a reader sees, and whether the read goes into the audit trail. */
export interface PersonalDataAccess {
  disclosure: 'full' | 'masked';
  audited: boolean;
}

/** The owning agency: an agency system acting for the record's agency. */
export function ownsAgency(caller: CallerIdentity, agencyCode: string): boolean {
  return AGENCY_REACH[caller.kind] === 'own-agencies' && caller.agencyCodes.includes(agencyCode);
}

/**
 * Personal data by need: the owning agency sees it all, unaudited (it is its own record); every other reader is
 * audited, and sees ID numbers, phones and e-mails masked unless it holds `dossier:read-personal`.
 */
export function personalDataAccess(caller: CallerIdentity, ownerAgencyCode: string): PersonalDataAccess {
  if (ownsAgency(caller, ownerAgencyCode)) return { disclosure: 'full', audited: false };
  return { disclosure: holdsRole(caller, 'dossier:read-personal') ? 'full' : 'masked', audited: true };
}

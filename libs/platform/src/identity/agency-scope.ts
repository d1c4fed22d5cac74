import type { AppError } from '../errors/app-error';
import { AGENCY_REACH } from './access-policy';
import type { CallerIdentity } from './caller-identity';

/**
 * The agency-scope rule of the hub, from the access policy (`AGENCY_REACH`): a client of kind `agency-system` sees
 * and acts only for its own agencies; the portal, operators and payment providers are not limited by agency (their
 * roles limit them); the public reaches no agency's records.
 */
export function agencyScopeOf(caller: CallerIdentity): readonly string[] | 'all' {
  const reach = AGENCY_REACH[caller.kind];
  return reach === 'all' ? 'all' : reach === 'own-agencies' ? caller.agencyCodes : [];
}

export function isInAgencyScope(caller: CallerIdentity, agencyCode: string): boolean {
  const scope = agencyScopeOf(caller);
  return scope === 'all' || scope.includes(agencyCode);
}

/**
 * One record: returns it when it exists and its agency is in the caller's scope; otherwise throws `notFound()`, so
 * another agency's record answers exactly like a missing one (404 everywhere, nothing to probe).
 */
export function requireVisible<T>(
  caller: CallerIdentity,
  record: T | null | undefined,
  agencyOf: (record: T) => string,
  notFound: () => AppError,
): T {
  if (record === null || record === undefined || !isInAgencyScope(caller, agencyOf(record))) throw notFound();
  return record;
}

/**
 * A command on behalf of an agency (submit a dossier for it, register its mapping): the caller names the agency
 * itself, so there is nothing to hide and the refusal says so (`AGENCY_SCOPE_VIOLATION`, 403).
 */
export function assertMayActFor(caller: CallerIdentity, agencyCode: string, refused: () => AppError): void {
  if (!isInAgencyScope(caller, agencyCode)) throw refused();
}

/** A `WHERE` fragment with positional parameters (`$n`), for raw SQL and TypeORM `query()`. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * Lists and feeds: limits rows to the caller's agencies. `column` is trusted SQL (a column name, never input);
 * `firstParam` is the number of the first `$n` placeholder the fragment may use.
 * An agency system bound to no agency sees nothing.
 */
export function agencyScopeCondition(caller: CallerIdentity, column: string, firstParam: number): SqlCondition {
  const scope = agencyScopeOf(caller);
  if (scope === 'all') return { sql: 'TRUE', params: [] };
  return { sql: `${column} = ANY($${firstParam}::text[])`, params: [[...scope]] };
}

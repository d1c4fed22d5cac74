import type { CallerIdentity } from '@hub/platform';

/** Agency systems see only their own agencies' dossiers; other callers (portal, operators) see every dossier. */
export function callerSeesAgency(caller: CallerIdentity, agencyCode: string): boolean {
  return caller.kind !== 'agency-system' || caller.agencyCodes.includes(agencyCode);
}

/** Personal data (rating comments) is for the owning agency and hub operators only. */
export function callerSeesPersonalData(caller: CallerIdentity, agencyCode: string): boolean {
  return caller.kind === 'operator' || (caller.kind === 'agency-system' && caller.agencyCodes.includes(agencyCode));
}

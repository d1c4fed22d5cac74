import type { CallerIdentity } from '@hub/platform';

/** Personal data (rating comments) is for the owning agency and hub operators only, never the portal or the public. */
export function callerSeesPersonalData(caller: CallerIdentity, agencyCode: string): boolean {
  return caller.kind === 'operator' || (caller.kind === 'agency-system' && caller.agencyCodes.includes(agencyCode));
}

import type { CallerIdentity } from '@hub/platform';

/** Whether the caller may see or act on an agency's dossiers: agency systems only their own, the portal and operators all. */
export function inScope(caller: CallerIdentity, agencyCode: string): boolean {
  return caller.kind !== 'agency-system' || caller.agencyCodes.includes(agencyCode);
}

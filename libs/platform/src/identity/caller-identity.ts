export const CALLER_KINDS = ['agency-system', 'portal', 'payment-provider', 'operator', 'public'] as const;

export type CallerKind = (typeof CALLER_KINDS)[number];

/** Who is calling, as authenticated by the gateway and re-verified by every service. */
export interface CallerIdentity {
  clientId: string;
  kind: CallerKind;
  /** Agencies whose data the caller may touch; empty for callers not bound to an agency. */
  agencyCodes: string[];
  roles: string[];
}

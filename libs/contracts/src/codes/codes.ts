/**
 * Shared code formats (DOMAIN.md "Codes"). Patterns are anchored and used by validators on
 * every boundary: HTTP bodies, event payloads, path parameters.
 */

/** QCVN 102:2016 form `000.00.15.H31` or the short form seen since 2025 `H55.242`. */
export const AGENCY_CODE_PATTERN = /^(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4})$/;
export const AGENCY_CODE_FORMS = ['000.00.15.H31 (QCVN 102:2016)', 'H55.242 (short form since 2025)'] as const;

/** National `1.001234`, or a local variant with the agency code appended: `2.000815.000.00.00.H55`. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(?:\.(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4}))?$/;

/** Circular 01/2018 Art. 19: `<receiving agency code>-<YYMMDD>-<4-digit daily sequence>`. */
export const DOSSIER_CODE_PATTERN = /^(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4})-\d{6}-(?:[A-Z]{2})?\d{4,}$/;

export function isAgencyCode(value: string): boolean {
  return AGENCY_CODE_PATTERN.test(value);
}

export function isProcedureCode(value: string): boolean {
  return PROCEDURE_CODE_PATTERN.test(value);
}

/** Formats a dossier code; `sequence` is the receiving agency's daily sequence (1-based). */
export function formatDossierCode(agencyCode: string, receiptDate: { year: number; month: number; day: number }, sequence: number): string {
  return `${dossierCodePrefix(agencyCode, receiptDate)}${String(sequence).padStart(4, '0')}`;
}

/** `<agency>-<YYMMDD>-`: the part of a Circular 01/2018 dossier code before its daily sequence. */
export function dossierCodePrefix(agencyCode: string, receiptDate: { year: number; month: number; day: number }): string {
  const yy = String(receiptDate.year % 100).padStart(2, '0');
  const mm = String(receiptDate.month).padStart(2, '0');
  const dd = String(receiptDate.day).padStart(2, '0');
  return `${agencyCode}-${yy}${mm}${dd}-`;
}

/** Roles a gateway client can hold; services check them with RequireRoles. */
export const HUB_ROLES = [
  'hub:admin',
  'catalogue:write',
  'dossier:submit',
  'dossier:read',
  /** Agency systems: batch sync of dossiers and steps. */
  'dossier:sync',
  /** Agency systems: issue notices (forms 01-05). */
  'dossier:notice',
  /** Agency systems: pull the feed of online dossiers and applicant changes. */
  'dossier:feed',
  /** The portal: the applicant's own actions (withdraw, supplements). */
  'dossier:applicant-action',
  'payment:read',
  'rating:read',
  /** The portal and agency systems (kiosks): record the applicant's rating of a dossier. */
  'rating:submit',
  /** Agency systems: register the local status mapping of their own agencies (operators: any agency, via catalogue:write). */
  'status-mapping:write',
  /** Unmasked ID numbers, phones and e-mails of applicants for readers other than the owning agency (audited). */
  'dossier:read-personal',
  /** Operators: query the audit trails (personal-data reads, administrative actions). */
  'audit:read',
  /** The portal: start an online payment of a dossier's fees. */
  'payment:create',
  /** The owning agency and operators: refund a succeeded payment. */
  'payment:refund',
  /** Operators: reconcile settlement statements and resolve their exceptions. */
  'payment:reconcile',
] as const;
export type HubRole = (typeof HUB_ROLES)[number];

export const DOSSIER_CODE_EXAMPLE = '000.00.15.H31-260112-0001';

/** The largest amount of one fee line, whole VND (10^12): a line of ≤ 50 such amounts sums exactly in a JS number. */
export const MAX_FEE_LINE_VND = 1_000_000_000_000;

/**
 * Masks for personal data shown to readers who do not need it (access-policy.ts `personalDataAccess`). Enough
 * remains for a person to recognise their own record on the phone; too little to reuse it elsewhere.
 */

/** `001086001234` → `********1234`: the last 4 digits. */
export function maskIdNumber(idNumber: string): string {
  return maskAllBut(idNumber, 4);
}

/** `0912345678` → `*******678`, `+84912345678` → `+********678`: the last 3 digits (and a leading +). */
export function maskPhone(phone: string): string {
  return phone.startsWith('+') ? `+${maskAllBut(phone.slice(1), 3)}` : maskAllBut(phone, 3);
}

/** `an.nguyen@example.vn` → `a***@example.vn`: the first character and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskAllBut(email, 0);
  return `${email[0]}***${email.slice(at)}`;
}

function maskAllBut(value: string, visible: number): string {
  // Short values are masked whole: showing 4 of 5 characters would show the value.
  if (value.length <= visible * 2) return '*'.repeat(value.length);
  return '*'.repeat(value.length - visible) + value.slice(value.length - visible);
}

/** Header in which a reader states why it reads personal data; kept in the audit trail. Forwarded by the gateway. */
export const ACCESS_PURPOSE_HEADER = 'x-access-purpose';
export const MAX_ACCESS_PURPOSE_LENGTH = 200;

/**
 * The stated purpose: percent-encoded UTF-8 allowed (HTTP headers are Latin-1), trimmed, at most 200 characters,
 * no control characters. Returns null when none is stated; `undefined` when it is unusable (the caller refuses it).
 */
export function accessPurposeOf(header: string | string[] | undefined): string | null | undefined {
  if (header === undefined) return null;
  if (Array.isArray(header)) return undefined;
  let text = header;
  try {
    text = decodeURIComponent(header);
  } catch {
    // Not percent-encoded: taken as written.
  }
  text = text.trim();
  if (text === '') return null;
  // eslint-disable-next-line no-control-regex
  return text.length > MAX_ACCESS_PURPOSE_LENGTH || /[\u0000-\u001f\u007f]/.test(text) ? undefined : text;
}

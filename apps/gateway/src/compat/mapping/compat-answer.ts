/**
 * The answer of the compatibility endpoint: always HTTP 200 (widely deployed clients cannot read a 4xx/5xx body),
 * `error_code` the number 0 on success (a string "00" breaks some clients) and a precomposed (NFC) Vietnamese
 * message; success messages contain "thành công", which some clients search for.
 */
export interface CompatAnswer {
  error_code: number;
  message: string;
  result?: unknown;
  session?: string;
}

export function succeeded(message: string, extra: { result?: unknown; session?: string } = {}): CompatAnswer {
  const text = message.normalize('NFC');
  if (!text.includes('thành công')) throw new Error(`A success message must say "thành công": ${text}`);
  return { error_code: 0, message: text, ...extra };
}

export function failed(errorCode: number, message: string, result?: unknown): CompatAnswer {
  if (!Number.isInteger(errorCode) || errorCode === 0) throw new Error(`A failure needs a non-zero error_code, got ${errorCode}`);
  // Clients that search the message for "thành công" must never find it in a failure ("không thành công" included).
  const text = message.normalize('NFC').replace(/thành công/giu, 'được');
  return { error_code: errorCode, message: text, ...(result === undefined ? {} : { result }) };
}

import type { CompatAnswer } from '../../mapping/compat-answer';
import type { NativeApi, NativeCaller } from '../../native-api';

/**
 * What a service handler of the compatibility endpoint gets: the verified caller, the request's correlation id (both
 * travel with each native call: `native.call(ctx, …)`), the `madonvi` it named, the native API.
 */
export interface CompatContext extends NativeCaller {
  agency: string;
  native: NativeApi;
}

export type CompatService = (ctx: CompatContext, request: Record<string, unknown>) => Promise<CompatAnswer>;

/** A native answer that is not the expected success: its problem code, for the one mapping (compat-errors.ts). */
export class NativeProblem extends Error {
  constructor(
    readonly code: unknown,
    readonly detailVi?: string,
  ) {
    super(`native problem ${String(code)}`);
  }
}

export function problemOf(body: unknown): NativeProblem {
  const b = (body ?? {}) as { code?: unknown; message?: { vi?: unknown } };
  return new NativeProblem(b.code, typeof b.message?.vi === 'string' ? b.message.vi : undefined);
}

/** Agency code of a dossier code: the part before the date (`000.00.15.H31-260112-0001` → `000.00.15.H31`). */
export const agencyOfDossier = (code: string): string => code.slice(0, code.indexOf('-'));

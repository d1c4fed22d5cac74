import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { validationFailed } from '@hub/platform';

export const DEFAULT_SUBTREE_PAGE = 100;
export const MAX_SUBTREE_PAGE = 500;

/** Where a page of a subtree starts: after this (depth, code). */
export interface SubtreeCursor {
  depth: number;
  code: string;
}

export function encodeSubtreeCursor(last: { depth: number; code: string }): string {
  return Buffer.from(`${last.depth}:${last.code}`).toString('base64url');
}

export function parseSubtreeCursor(value: string | undefined): SubtreeCursor | undefined {
  if (value === undefined) return undefined;
  const invalid = () => validationFailed([{ field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor must be the nextCursor of a previous page' }]);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) throw invalid();
  const match = /^(\d{1,2}):(.+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || !AGENCY_CODE_PATTERN.test(match[2])) throw invalid();
  return { depth: Number(match[1]), code: match[2] };
}

export function parseSubtreeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SUBTREE_PAGE;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_SUBTREE_PAGE) {
    throw validationFailed([{ field: 'limit', code: 'OUT_OF_RANGE', message: `limit must be an integer from 1 to ${MAX_SUBTREE_PAGE}` }]);
  }
  return Number(value);
}

import { addCounts, type IndicatorCounts } from './indicators';

export interface AgencyNode {
  readonly code: string;
  readonly parentCode: string | null;
}

/**
 * Each agency's figures cover its whole subtree (itself and every unit below it): own counts summed over the
 * subtree. Agencies that only appear in `own` (not yet known in the tree) count as roots of their own. A cycle
 * in the tree (bad data) is cut where it is found: an agency is never counted twice in one subtree.
 */
export function rollUp(tree: readonly AgencyNode[], own: ReadonlyMap<string, IndicatorCounts>): Map<string, IndicatorCounts> {
  const children = new Map<string, string[]>();
  const codes = new Set<string>([...tree.map((n) => n.code), ...own.keys()]);
  for (const n of tree) {
    if (n.parentCode === null || n.parentCode === n.code) continue;
    children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);
  }
  const result = new Map<string, IndicatorCounts>();
  for (const code of codes) {
    const seen = new Set<string>();
    const stack = [code];
    const parts: IndicatorCounts[] = [];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      const counts = own.get(c);
      if (counts) parts.push(counts);
      stack.push(...(children.get(c) ?? []));
    }
    result.set(code, addCounts(...parts));
  }
  return result;
}

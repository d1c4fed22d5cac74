import { findIncompatibilities, type Incompatibility } from './compatibility';
import { serialize, type StandardFiles } from './standard';

/** A published state of docs/standard to stay compatible with: the committed files, or those of the merge base. */
export interface Baseline {
  label: string;
  files: StandardFiles;
}

export interface Verdict {
  /** Changes to published versions, against every baseline. */
  incompatible: (Incompatibility & { baseline: string })[];
  /** Files to add, rewrite or delete so docs/standard matches the code (`missing|differs|extra  <path>`). */
  stale: string[];
}

/** Compares what the code generates with the committed text of docs/standard and with every published baseline. */
export function verify(generated: StandardFiles, committed: ReadonlyMap<string, string>, baselines: readonly Baseline[]): Verdict {
  const incompatible = baselines.flatMap((b) => findIncompatibilities(b.files, generated).map((i) => ({ ...i, baseline: b.label })));
  const stale: string[] = [];
  for (const [path, value] of generated) {
    const text = committed.get(path);
    if (text === undefined) stale.push(`missing  ${path}`);
    else if (text !== serialize(value)) stale.push(`differs  ${path}`);
  }
  for (const path of committed.keys()) if (!generated.has(path)) stale.push(`extra    ${path}`);
  return { incompatible, stale };
}

export function describeIncompatible(found: Verdict['incompatible']): string {
  return [
    '[standard] published versions would change incompatibly; publish a new version (e.g. .v2) beside the old one instead:',
    ...found.map((i) => `  ${i.file} ${i.path || '(root)'}: ${i.kind}: ${i.detail}  [vs ${i.baseline}]`),
  ].join('\n');
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPublishedDocument } from './build-document';

export const DOCUMENT_PATH = 'docs/openapi.json';

/** `generate` rewrites docs/openapi.json; `check` fails (exit code 1) when it differs from what the code builds. */
export async function main(root: string, args: string[]): Promise<number> {
  const mode = args[0];
  if (mode !== 'generate' && mode !== 'check') {
    console.error('usage: openapi generate | check');
    return 2;
  }
  const text = `${JSON.stringify(await buildPublishedDocument(), null, 2)}\n`;
  const file = join(root, DOCUMENT_PATH);
  if (mode === 'generate') {
    writeFileSync(file, text);
    console.log(`[openapi] wrote ${DOCUMENT_PATH}`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: reported as stale below
  }
  if (committed === text) {
    console.log(`[openapi] ${DOCUMENT_PATH} matches the code`);
    return 0;
  }
  console.error(`[openapi] ${DOCUMENT_PATH} differs from the document the code builds: run \`npm run openapi\` and commit it`);
  return 1;
}

// Runs the data-packet standard generator (TypeScript) without a build (see tools/lib/register-ts.mjs).
//   node tools/standard/run.mjs generate   (npm run standard)       rewrites docs/standard/
//   node tools/standard/run.mjs check      (npm run standard:check) fails if docs/standard/ is stale or a
//                                                                    published version changed incompatibly
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerTypeScript } from '../lib/register-ts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = registerTypeScript(ROOT);
const { main } = require('./tools/standard/src/cli.ts');
process.exitCode = main(ROOT, process.argv.slice(2));

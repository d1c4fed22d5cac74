// Builds the published OpenAPI document from the apps' Nest modules, in-process and offline (no database, broker
// or running service; see tools/lib/register-ts.mjs).
//   node tools/openapi/run.mjs generate   (npm run openapi)        rewrites docs/openapi.json
//   node tools/openapi/run.mjs check      (npm run openapi:check)  fails if docs/openapi.json differs from the code
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerTypeScript } from '../lib/register-ts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = registerTypeScript(ROOT);
const { main } = require('./tools/openapi/src/cli.ts');
process.exitCode = await main(ROOT, process.argv.slice(2));
process.exit();

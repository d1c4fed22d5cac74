// Runs the data-packet standard generator (TypeScript) without a build: sources are compiled on the fly with swc
// (the compiler the tests use, same .swcrc) and `@hub/<lib>` resolves to libs/<lib>/src, as in jest.preset.js.
//   node tools/standard/run.mjs generate   (npm run standard)       rewrites docs/standard/
//   node tools/standard/run.mjs check      (npm run standard:check) fails if docs/standard/ is stale or a
//                                                                    published version changed incompatibly
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8'));
delete swcrc.$schema;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@hub\/([a-z-]+)$/.exec(request);
  return resolve.call(this, lib ? join(ROOT, 'libs', lib[1], 'src/index.ts') : request, ...rest);
};

require('reflect-metadata');
const { main } = require('./src/cli.ts');
process.exitCode = main(ROOT, process.argv.slice(2));

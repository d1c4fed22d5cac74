// Lets Node require the repository's TypeScript without a build: sources are compiled on the fly with swc (the
// compiler the tests use, same .swcrc) and `@hub/<lib>` resolves to libs/<lib>/src, as in jest.preset.js.
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns a `require` that loads .ts files under `root`. */
export function registerTypeScript(root) {
  const require = createRequire(join(root, 'package.json'));
  const { transformSync } = require('@swc/core');
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' });
    module._compile(code, filename);
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const lib = /^@hub\/([a-z-]+)$/.exec(request);
    return resolve.call(this, lib ? join(root, 'libs', lib[1], 'src/index.ts') : request, ...rest);
  };
  require('reflect-metadata');
  return require;
}

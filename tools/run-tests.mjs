// `npm test`: install if needed, build the apps (the e2e tier runs the built services), then every test tier.
import { execSync } from 'node:child_process';
import { ensureInstalled } from './ensure-installed.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
ensureInstalled();
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
try {
  run('npx nx run-many -t build --projects=gateway,catalogue,dossier,payment,rating --outputStyle=stream');
  run(`npx jest -c jest.config.js --runInBand ${process.argv.slice(2).join(' ')}`);
} catch (e) {
  process.exit(e.status ?? 1);
}

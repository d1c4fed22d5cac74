// `npm run fuzz`: the hostile-input property tests with many runs (FUZZ_RUNS, default 500 per property), against
// every service and the gateway in-process on real PostgreSQL and Kafka (resolved like `npm test`).
// `npm test` runs the same suites with FUZZ_RUNS=15. Extra arguments go to Jest, e.g. `npm run fuzz -- apps/dossier`.
import { execSync } from 'node:child_process';
import { ensureInstalled } from './ensure-installed.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
ensureInstalled();
const runs = process.env.FUZZ_RUNS ?? '500';
console.log(`[fuzz] FUZZ_RUNS=${runs} per property`);
try {
  execSync(`npx jest -c jest.config.js --runInBand hostile-input.int-spec json-budget.spec ${process.argv.slice(2).join(' ')}`, {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs },
  });
} catch (e) {
  process.exit(e.status ?? 1);
}

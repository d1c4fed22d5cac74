// `npm test`: install if needed, build the apps (the e2e tier runs the built services), then every test tier, then
// the data-packet check of what the e2e tier put on the wire (apps/e2e/jest.capture.config.js): the e2e Hubs write
// their Kafka messages, feed items and webhook bodies under a fresh directory (HUB_E2E_CAPTURE_DIR) and the check
// validates them against docs/standard once every suite has finished. In a full run (no arguments) the check also
// requires the capture to be complete (HUB_E2E_CAPTURE_REQUIRED=1); with arguments it skips, loudly, if nothing
// was captured.
// However the run ends (failure, Ctrl-C), a local Kafka broker that it started is stopped: Jest's global
// teardown does that on a normal end, this script on any other. The apps the e2e tests start stop by
// themselves when their test process goes away (see startServiceApp).
import { execSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureInstalled } from './ensure-installed.mjs';
import { localKafkaRunning } from './lib/infra.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const LOCAL_KAFKA_PORT = 9092; // as libs/testing/src/infra/infrastructure.ts
process.chdir(ROOT);
ensureInstalled();
try {
  execSync('npx nx run-many -t build --projects=gateway,catalogue,dossier,payment,rating --outputStyle=stream', { stdio: 'inherit' });
} catch (e) {
  process.exit(e.status ?? 1);
}

const brokerWasRunning = localKafkaRunning(ROOT, LOCAL_KAFKA_PORT);
const args = process.argv.slice(2);
const captureDir = mkdtempSync(join(tmpdir(), 'hub-e2e-capture-'));
const env = { ...process.env, HUB_E2E_CAPTURE_DIR: captureDir, ...(args.length === 0 ? { HUB_E2E_CAPTURE_REQUIRED: '1' } : {}) };
let child = spawn('npx', ['jest', '-c', 'jest.config.js', '--runInBand', ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (!brokerWasRunning && localKafkaRunning(ROOT, LOCAL_KAFKA_PORT)) {
    console.log('[test] stopping the local Kafka broker this test run started');
    spawnSync('bash', ['deploy/local/kafka-stop.sh'], { stdio: 'inherit', env: { ...process.env, KAFKA_PORT: String(LOCAL_KAFKA_PORT) } });
  }
  if (code !== 0) {
    console.log(`[test] the data-packet check of the e2e capture did not run (the tests failed); capture kept in ${captureDir}, the e2e Hubs' app logs in ${captureDir}/logs`);
    process.exit(code ?? (signal ? 130 : 1));
  }
  // After every suite: the capture is complete. No broker or database needed.
  child = spawn('npx', ['jest', '-c', 'apps/e2e/jest.capture.config.js'], { stdio: 'inherit', env });
  child.on('exit', (checkCode, checkSignal) => {
    if (checkCode === 0) rmSync(captureDir, { recursive: true, force: true });
    else console.log(`[test] capture kept in ${captureDir}`);
    process.exit(checkCode ?? (checkSignal ? 130 : 1));
  });
});

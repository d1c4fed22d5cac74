// `npm test`: install if needed, build the apps (the e2e tier runs the built services), then every test tier.
// However the run ends (failure, Ctrl-C), a local Kafka broker that it started is stopped: Jest's global
// teardown does that on a normal end, this script on any other. The apps the e2e tests start stop by
// themselves when their test process goes away (see startServiceApp).
import { execSync, spawn, spawnSync } from 'node:child_process';
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
const jest = spawn('npx', ['jest', '-c', 'jest.config.js', '--runInBand', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => jest.kill(signal));
jest.on('exit', (code, signal) => {
  if (!brokerWasRunning && localKafkaRunning(ROOT, LOCAL_KAFKA_PORT)) {
    console.log('[test] stopping the local Kafka broker this test run started');
    spawnSync('bash', ['deploy/local/kafka-stop.sh'], { stdio: 'inherit', env: { ...process.env, KAFKA_PORT: String(LOCAL_KAFKA_PORT) } });
  }
  process.exit(code ?? (signal ? 130 : 1));
});

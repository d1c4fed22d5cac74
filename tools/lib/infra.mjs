// Small facts about infrastructure shared by `npm start` and the benchmark harness.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Server URL (database `postgres`) → URL of `database` on the same server. */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** True if the broker deploy/local/kafka-start.sh started for `port` (in the checkout at `root`) is alive. */
export function localKafkaRunning(root, port) {
  const pidFile = join(root, '.local/kafka', `kafka-${port}.pid`);
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

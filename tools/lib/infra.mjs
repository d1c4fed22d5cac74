// Small facts about infrastructure shared by `npm start` and the benchmark harness.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Server URL (database `postgres`) → URL of `database` on the same server, as `user` if given (no password: trust or .pgpass). */
export function databaseUrl(serverUrl, database, user) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
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

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The mock agency system (tools/mock-agency-system) as its own process: it checks signatures and the published schema. */
export interface AgencySystemProcess {
  url: string;
  secret: string;
  /** Every signed JSON body it received so far, in order. */
  deliveries(): any[];
  stop(): void;
}

export async function startAgencySystem(): Promise<AgencySystemProcess> {
  const secret = randomBytes(24).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'hub-e2e-agency-'));
  const record = join(dir, 'deliveries.jsonl');
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../../../tools/mock-agency-system/server.mjs'), '--port', '0', '--secret', secret, '--record', record], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /receiving webhooks at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mock agency system exited ${code}: ${out}`)));
  });
  return {
    url,
    secret,
    deliveries: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface SandboxProcess {
  url: string;
  partnerCode: string;
  secret: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const SERVER = join(__dirname, '../../../../tools/payment-sandbox/server.mjs');

/** Starts the payment sandbox as its own process on a free port (it prints the port it bound). */
export function startSandboxProcess(opts: { callbackUrl: string; partnerCode?: string; secret?: string }): Promise<SandboxProcess> {
  const partnerCode = opts.partnerCode ?? 'HUB_SANDBOX_IT';
  const secret = opts.secret ?? 'integration-sandbox-secret-0123456789';
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_PARTNER_CODE: partnerCode, SANDBOX_SECRET: secret, SANDBOX_CALLBACK_URL: opts.callbackUrl },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /payment sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], partnerCode, secret, child, stop });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)));
  });
}

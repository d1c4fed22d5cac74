// The payment sandbox (tools/payment-sandbox) as a child process of `npm start`, beside the hub.
import { spawn } from 'node:child_process';
import { stopChild } from '../lib/cleanup.mjs';

/** The sandbox's port: the one after the rating service's. */
export const sandboxPort = (settings) => settings.ports.rating + 1;

/** The payment service's environment for the sandbox provider. */
export function paymentPlatformEnv(settings, secrets) {
  const p = secrets.paymentPlatform;
  return {
    PAYMENT_PLATFORM_PROVIDER: p.provider,
    PAYMENT_PLATFORM_URL: `http://127.0.0.1:${sandboxPort(settings)}/api`,
    PAYMENT_PLATFORM_PARTNER_CODE: p.partnerCode,
    PAYMENT_PLATFORM_SECRET: p.secret,
  };
}

export function startPaymentSandbox({ settings, secrets, cleanup, onExit }) {
  const p = secrets.paymentPlatform;
  const child = spawn(process.execPath, ['tools/payment-sandbox/server.mjs'], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(sandboxPort(settings)),
      SANDBOX_PARTNER_CODE: p.partnerCode,
      SANDBOX_SECRET: p.secret,
      SANDBOX_CALLBACK_URL: `http://127.0.0.1:${settings.ports.gateway}/v1/payment-callbacks/${p.provider}`,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  cleanup.defer('stop the payment sandbox', () => stopChild(child, 5_000));
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(d.toString().replace(/^(?=.)/gm, '[payment-sandbox] ')));
  child.on('exit', (code, signal) => onExit('payment-sandbox', `exited (${signal ?? `code ${code}`})`));
  return child;
}

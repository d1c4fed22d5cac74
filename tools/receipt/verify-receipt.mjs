#!/usr/bin/env node
// Checks a saved X-Hub-Receipt against the hub's published receipt keys, offline or online.
//   node tools/receipt/verify-receipt.mjs --receipt '<X-Hub-Receipt value>' --keys <file.json | https://hub/.well-known/hub-receipt-keys>
// Exit code 0: the hub signed this entry hash with one of the published keys; 1: it did not; 2: bad usage.
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/** `seq=…; at=…; hash=…; kid=…; sig=…` → fields. */
export function parseReceipt(value) {
  const fields = Object.fromEntries(
    value
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
  );
  for (const name of ['seq', 'at', 'hash', 'kid', 'sig']) if (!fields[name]) throw new Error(`receipt has no ${name}`);
  if (!/^[0-9a-f]{64}$/.test(fields.hash)) throw new Error('receipt hash is not a SHA-256 hex digest');
  return fields;
}

/** true when `receipt` carries a valid Ed25519 signature over its hash by the key it names. */
export function verifyReceipt(receipt, jwks) {
  const jwk = jwks.keys.find((key) => key.kid === receipt.kid);
  if (!jwk) throw new Error(`no published key with kid ${receipt.kid}`);
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(receipt.hash, 'hex'), key, Buffer.from(receipt.sig, 'base64url'));
}

async function loadKeys(source) {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source} answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

async function main() {
  const { values } = parseArgs({ options: { receipt: { type: 'string' }, keys: { type: 'string' } } });
  if (!values.receipt || !values.keys) {
    console.error("usage: verify-receipt.mjs --receipt '<X-Hub-Receipt value>' --keys <file | URL of /.well-known/hub-receipt-keys>");
    process.exit(2);
  }
  const receipt = parseReceipt(values.receipt);
  const valid = verifyReceipt(receipt, await loadKeys(values.keys));
  console.log(valid ? `VALID: the hub recorded entry ${receipt.seq} (hash ${receipt.hash}) at ${receipt.at}` : 'INVALID: the signature does not match');
  process.exit(valid ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`INVALID: ${error.message}`);
    process.exit(1);
  });
}

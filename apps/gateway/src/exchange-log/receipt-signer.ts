import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';

export const RECEIPT_SIGNING_KEY = Symbol('RECEIPT_SIGNING_KEY');

export const RECEIPT_HEADER = 'x-hub-receipt';

export interface ReceiptKeyJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/**
 * Signs exchange-log entries with Ed25519. The key comes from RECEIPT_SIGNING_KEY (PKCS#8 PEM, or its DER in
 * base64); without one (development, tests) a key is generated at start-up and receipts only verify against
 * this process's published key.
 */
@Injectable()
export class ReceiptSigner {
  private readonly logger = new Logger(ReceiptSigner.name);
  private readonly privateKey: KeyObject;
  readonly publicJwk: ReceiptKeyJwk;

  constructor(@Inject(RECEIPT_SIGNING_KEY) configured: string | undefined) {
    if (configured) {
      this.privateKey = configured.includes('BEGIN') ? createPrivateKey(configured) : createPrivateKey({ key: Buffer.from(configured, 'base64'), format: 'der', type: 'pkcs8' });
      if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new Error('RECEIPT_SIGNING_KEY must be an Ed25519 private key');
    } else {
      this.privateKey = generateKeyPairSync('ed25519').privateKey;
      this.logger.warn({ msg: 'RECEIPT_SIGNING_KEY not set: receipts are signed with a key generated for this process only' });
    }
    const { x } = createPublicKey(this.privateKey).export({ format: 'jwk' });
    const kid = createHash('sha256').update(x!).digest('base64url').slice(0, 16);
    this.publicJwk = { kty: 'OKP', crv: 'Ed25519', x: x!, kid, alg: 'EdDSA', use: 'sig' };
  }

  /**
   * `X-Hub-Receipt`: `seq=…; at=…; hash=…; kid=…; sig=…` — a detached Ed25519 signature (base64url) over the
   * 32 bytes of the entry's SHA-256 hash.
   */
  receiptFor(entry: { seq: number; recordedAt: Date; entryHash: string }): string {
    const sig = sign(null, Buffer.from(entry.entryHash, 'hex'), this.privateKey).toString('base64url');
    return `seq=${entry.seq}; at=${entry.recordedAt.toISOString()}; hash=${entry.entryHash}; kid=${this.publicJwk.kid}; sig=${sig}`;
  }
}

import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ed25519Sign } from '@hub/platform';
import { generateEd25519Key, parseEd25519PrivateKey, type Ed25519Jwk } from '../signing-keys/ed25519-keys';

export const RECEIPT_SIGNING_KEY = Symbol('RECEIPT_SIGNING_KEY');

export const RECEIPT_HEADER = 'x-hub-receipt';

export type ReceiptKeyJwk = Ed25519Jwk;

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
    if (!configured) this.logger.warn({ msg: 'RECEIPT_SIGNING_KEY not set: receipts are signed with a key generated for this process only' });
    const key = configured ? parseEd25519PrivateKey(configured, 'RECEIPT_SIGNING_KEY') : generateEd25519Key();
    this.privateKey = key.privateKey;
    this.publicJwk = key.publicJwk;
  }

  /**
   * `X-Hub-Receipt`: `seq=…; at=…; hash=…; kid=…; sig=…` — a detached Ed25519 signature (base64url) over the
   * 32 bytes of the entry's SHA-256 hash.
   */
  receiptFor(entry: { seq: number; recordedAt: Date; entryHash: string }): string {
    const sig = ed25519Sign(Buffer.from(entry.entryHash, 'hex'), this.privateKey).toString('base64url');
    return `seq=${entry.seq}; at=${entry.recordedAt.toISOString()}; hash=${entry.entryHash}; kid=${this.publicJwk.kid}; sig=${sig}`;
  }
}

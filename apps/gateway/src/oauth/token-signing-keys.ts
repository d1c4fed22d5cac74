import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateEd25519Key, parseEd25519PrivateKey, type Ed25519Jwk, type Ed25519SigningKey } from '../signing-keys/ed25519-keys';

export interface OAuthOptions {
  issuer: string;
  audience: string;
  tokenTtlSeconds: number;
  /** How long a replica trusts that a token's client is still active (a disabled client's tokens stop within this). */
  clientStatusTtlMs: number;
  /** Ed25519 keys (PKCS#8 PEM or DER base64): the first signs, all verify and are published (rotation). */
  signingKeys: string[];
}

export const OAUTH_OPTIONS = Symbol('OAUTH_OPTIONS');

/** The access-token keys: rotate by prepending the new key, then dropping the old one once its tokens expired. */
@Injectable()
export class TokenSigningKeys {
  private readonly logger = new Logger(TokenSigningKeys.name);
  readonly keys: Ed25519SigningKey[];

  constructor(@Inject(OAUTH_OPTIONS) options: OAuthOptions) {
    if (options.signingKeys.length === 0) this.logger.warn({ msg: 'OAUTH_SIGNING_KEYS not set: access tokens are signed with a key generated for this process only' });
    this.keys = options.signingKeys.length > 0 ? options.signingKeys.map((k) => parseEd25519PrivateKey(k, 'OAUTH_SIGNING_KEYS')) : [generateEd25519Key()];
  }

  get active(): Ed25519SigningKey {
    return this.keys[0];
  }

  jwks(): { keys: Ed25519Jwk[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }
}

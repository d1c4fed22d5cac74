import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { ed25519Sign, ed25519Verify } from './ed25519';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describe('Ed25519 through libsodium', () => {
  it('makes the same signatures as node:crypto, and each verifies the other', () => {
    for (let i = 0; i < 50; i++) {
      const message = randomBytes(i * 7);
      const ours = ed25519Sign(message, privateKey);
      expect(ours.equals(sign(null, message, privateKey))).toBe(true);
      expect(verify(null, message, publicKey, ours)).toBe(true);
      expect(ed25519Verify(message, sign(null, message, privateKey), publicKey)).toBe(true);
    }
  });

  it('matches the RFC 8032 test vector 2', () => {
    const seed = Buffer.from('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', 'hex');
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const signature = ed25519Sign(Buffer.from('72', 'hex'), key);
    expect(signature.toString('hex')).toBe(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
    expect(ed25519Verify(Buffer.from('72', 'hex'), signature, createPublicKey(key))).toBe(true);
  });

  it('refuses a changed message, a changed signature, a signature of the wrong length and another key', () => {
    const message = Buffer.from('v2.gw1.claims');
    const signature = ed25519Sign(message, privateKey);
    expect(ed25519Verify(Buffer.from('v2.gw1.claimz'), signature, publicKey)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[10] ^= 1;
    expect(ed25519Verify(message, flipped, publicKey)).toBe(false);
    expect(ed25519Verify(message, signature.subarray(0, 63), publicKey)).toBe(false);
    expect(ed25519Verify(message, Buffer.concat([signature, Buffer.alloc(1)]), publicKey)).toBe(false);
    expect(ed25519Verify(message, signature, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('refuses keys that are not Ed25519 keys of the right kind', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => ed25519Sign(Buffer.from('x'), ec.privateKey)).toThrow(/Ed25519 private key/);
    expect(() => ed25519Verify(Buffer.from('x'), Buffer.alloc(64), ec.publicKey)).toThrow(/Ed25519 public key/);
    expect(() => ed25519Sign(Buffer.from('x'), publicKey)).toThrow(/Ed25519 private key/);
  });
});

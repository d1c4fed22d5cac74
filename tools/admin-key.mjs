#!/usr/bin/env node
// Prints a new administrator API key and the value of GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH for it. The gateway only
// ever sees the hash; keep the key in your secret store and use it once to create a real administrator.
import { createHash, randomBytes } from 'node:crypto';

const key = `hub_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
const hash = `${key.slice(4, 12)}:${createHash('sha256').update(key).digest('hex')}`;
console.log(`API key (secret, shown once):     ${key}`);
console.log(`GATEWAY_BOOTSTRAP_ADMIN_KEY_HASH=${hash}`);

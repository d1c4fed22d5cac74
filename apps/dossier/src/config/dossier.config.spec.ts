import { ConfigError, loadConfig } from '@hub/platform';
import { DossierConfig } from './dossier.config';

const env = {
  PORT: '3002',
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/dossier',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

describe('DossierConfig: LOOKUP_KEY_SECRET', () => {
  it.each([
    ['missing', undefined],
    ['short', 'q8Jz3vR1xK0pLw7m'],
    ['the manifests\u2019 example', 'change-me-to-at-least-32-random-characters'],
    ['one character repeated', 'z'.repeat(48)],
  ])('refuses to start when it is %s', (_label, value) => {
    expect(() => loadConfig(DossierConfig, { ...env, ...(value === undefined ? {} : { LOOKUP_KEY_SECRET: value }) })).toThrow(ConfigError);
  });

  it('starts with a random secret', () => {
    const secret = 'q8Jz3vR1xK0pLw7mN4tY6bC2dF9gH5sA'; // secret-scan: allow (a test value)
    expect(loadConfig(DossierConfig, { ...env, LOOKUP_KEY_SECRET: secret }).LOOKUP_KEY_SECRET).toBe(secret);
  });
});

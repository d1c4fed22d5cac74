import { ConfigError, generateIdentityKeys, loadConfig } from '@hub/platform';
import { GatewayConfig } from './gateway.config';

const url = 'http://127.0.0.1:3001';
const env = {
  PORT: '3000',
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/gateway',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_SIGNING_KEY: generateIdentityKeys('gw1').signingKey,
  CATALOGUE_URL: url,
  DOSSIER_URL: url,
  PAYMENT_URL: url,
  RATING_URL: url,
};

describe('GatewayConfig: MAX_HEADER_BYTES', () => {
  it("keeps Node's 16 KiB at the door by default, where a service takes 24 KiB", () => {
    expect(loadConfig(GatewayConfig, env).MAX_HEADER_BYTES).toBe(16 * 1024);
  });

  it("reads the variable as a number, validated as the services' own", () => {
    expect(loadConfig(GatewayConfig, { ...env, MAX_HEADER_BYTES: '20000' }).MAX_HEADER_BYTES).toBe(20000);
    for (const bad of ['1024', 'many', String(2 * 1024 * 1024)]) {
      expect(() => loadConfig(GatewayConfig, { ...env, MAX_HEADER_BYTES: bad })).toThrow(ConfigError);
    }
  });
});

import { IsString } from 'class-validator';
import { generateIdentityKeys } from '../identity/identity-keys';
import { BaseServiceConfig, outboxRelayOf, parseBrokerList } from './base-service.config';
import { ConfigError, loadConfig } from './load-config';

const validEnv = {
  PORT: '3001',
  DATABASE_URL: 'postgres://hub:secret@127.0.0.1:5432/dossier',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-1.internal:9093',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
  PATH: '/usr/bin',
};

class DossierConfig extends BaseServiceConfig {
  @IsString()
  DOSSIER_CODE_PREFIX: string;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('converts types, applies defaults and drops unrelated variables', () => {
    const config = loadConfig(BaseServiceConfig, validEnv);
    expect(config).toBeInstanceOf(BaseServiceConfig);
    expect(config).toEqual({
      PORT: 3001,
      HTTP_HOST: '127.0.0.1',
      METRICS_HOST: '127.0.0.1',
      DATABASE_URL: validEnv.DATABASE_URL,
      KAFKA_BROKERS: validEnv.KAFKA_BROKERS,
      IDENTITY_PUBLIC_KEYS: validEnv.IDENTITY_PUBLIC_KEYS,
      LOG_LEVEL: 'info',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SSL: false,
      KAFKA_TOPIC_PARTITIONS: 3,
      KAFKA_TOPIC_REPLICATION_FACTOR: 1,
      OUTBOX_RETENTION_HOURS: 0,
      OUTBOX_COALESCE_MS: 25,
      BODY_LIMIT_BYTES: 1048576,
      JSON_MAX_DEPTH: 64,
      JSON_MAX_ITEMS: 1000000,
      JSON_MAX_STRING_BYTES: 262144,
      MAX_URL_BYTES: 8192,
      MAX_HEADER_BYTES: 24_576,
      REQUEST_TIMEOUT_MS: 60000,
      SHUTDOWN_TIMEOUT_MS: 10000,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig(BaseServiceConfig, { ...validEnv, LOG_LEVEL: '', BODY_LIMIT_BYTES: ' ' })).toMatchObject({
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1048576,
    });
  });

  it('binds loopback unless HTTP_HOST names another address', () => {
    expect(loadConfig(BaseServiceConfig, { ...validEnv, HTTP_HOST: '0.0.0.0' }).HTTP_HOST).toBe('0.0.0.0');
    expect(errorOf(() => loadConfig(BaseServiceConfig, { ...validEnv, HTTP_HOST: 'localhost' })).message).toContain(
      'HTTP_HOST: must be an IP address to bind, e.g. 127.0.0.1, or 0.0.0.0 for all interfaces',
    );
  });

  it('accepts postgresql:// URLs and host names without a TLD', () => {
    expect(() =>
      loadConfig(BaseServiceConfig, { ...validEnv, DATABASE_URL: 'postgresql://postgres@db_host/dossier?sslmode=disable' }),
    ).not.toThrow();
  });

  it('lists every bad variable on its own line', () => {
    const error = errorOf(() =>
      loadConfig(BaseServiceConfig, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/db',
        KAFKA_BROKERS: 'localhost',
        LOG_LEVEL: 'loud',
        IDENTITY_PUBLIC_KEYS: 'change-me-to-at-least-32-random-characters',
      }),
    );
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration for base-service:',
      '  - PORT: must be between 0 and 65535; must be an integer port',
      '  - DATABASE_URL: must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/dossier',
      '  - KAFKA_BROKERS: must be a comma-separated list of host:port, e.g. 127.0.0.1:9092',
      '  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      '  - IDENTITY_PUBLIC_KEYS: must be <kid>:<Ed25519 SPKI DER in base64>[,...] (node tools/hub/identity-keys.mjs)',
    ]);
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
      'IDENTITY_PUBLIC_KEYS',
    ]);
  });

  it('never prints the values, which may be secrets', () => {
    const error = errorOf(() => loadConfig(BaseServiceConfig, { ...validEnv, IDENTITY_SIGNING_KEY: 'hunter2-secret' }));
    expect(error.message).not.toContain('hunter2');
  });

  it('names the service from the config class and strips repeated property names', () => {
    const error = errorOf(() => loadConfig(DossierConfig, validEnv));
    expect(error.message).toBe('Invalid configuration for dossier:\n  - DOSSIER_CODE_PREFIX: must be a string');
    expect(loadConfig(DossierConfig, { ...validEnv, DOSSIER_CODE_PREFIX: 'H26' }).DOSSIER_CODE_PREFIX).toBe('H26');
  });
});

describe('outboxRelayOf', () => {
  it('deletes sent outbox rows by default, and keeps them OUTBOX_RETENTION_HOURS when set', () => {
    expect(outboxRelayOf(loadConfig(BaseServiceConfig, validEnv)).retentionMs).toBe(0);
    expect(outboxRelayOf(loadConfig(BaseServiceConfig, { ...validEnv, OUTBOX_RETENTION_HOURS: '168' })).retentionMs).toBe(168 * 3600_000);
  });

  it('refuses a negative, fractional or over-a-year retention', () => {
    for (const value of ['-1', '1.5', '9000']) {
      expect(errorOf(() => loadConfig(BaseServiceConfig, { ...validEnv, OUTBOX_RETENTION_HOURS: value })).issues.map((i) => i.variable)).toEqual(['OUTBOX_RETENTION_HOURS']);
    }
  });

  it('waits 25 ms after a wake by default, and OUTBOX_COALESCE_MS when set (0 claims at once)', () => {
    expect(outboxRelayOf(loadConfig(BaseServiceConfig, validEnv))).toEqual({ retentionMs: 0, coalesceMs: 25 });
    expect(outboxRelayOf(loadConfig(BaseServiceConfig, { ...validEnv, OUTBOX_COALESCE_MS: '0' })).coalesceMs).toBe(0);
    expect(outboxRelayOf(loadConfig(BaseServiceConfig, { ...validEnv, OUTBOX_COALESCE_MS: '100' })).coalesceMs).toBe(100);
  });

  it('refuses a negative, fractional or over-a-second coalescing wait', () => {
    for (const value of ['-1', '2.5', '1001', 'soon']) {
      expect(errorOf(() => loadConfig(BaseServiceConfig, { ...validEnv, OUTBOX_COALESCE_MS: value })).issues.map((i) => i.variable)).toEqual(['OUTBOX_COALESCE_MS']);
    }
  });
});

describe('parseBrokerList', () => {
  it('splits and trims', () => {
    expect(parseBrokerList(' a:9092, b:9093 ,')).toEqual(['a:9092', 'b:9093']);
  });
});

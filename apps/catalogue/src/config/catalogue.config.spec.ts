import { ConfigError, DEFAULT_JSON_BUDGET, loadConfig, generateIdentityKeys } from '@hub/platform';
import { CatalogueConfig, catalogueSettingsOf } from './catalogue.config';

const env = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub_catalogue',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
};

describe('CatalogueConfig', () => {
  it('has defaults: 1-day decision window, 10 MB import limit, chunks of 250, no seed', () => {
    const config = loadConfig(CatalogueConfig, env);
    expect(config.CATALOGUE_SEED).toBe(false);
    expect(catalogueSettingsOf(config)).toEqual({ publicationDateFutureWindowDays: 1, importBodyLimitBytes: 10 * 1024 * 1024, importChunkSize: 250, importMaxRecords: 10_000, importMaxErrorDetails: 1_000, jsonBudget: DEFAULT_JSON_BUDGET });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads CATALOGUE_SEED=%s as %s', (value, expected) => {
    expect(loadConfig(CatalogueConfig, { ...env, CATALOGUE_SEED: value }).CATALOGUE_SEED).toBe(expected);
  });

  it('fails fast on a bad window or chunk size', () => {
    expect(() => loadConfig(CatalogueConfig, { ...env, PUBLICATION_DATE_FUTURE_WINDOW_DAYS: '-1', IMPORT_CHUNK_SIZE: '0' })).toThrow(ConfigError);
  });
});

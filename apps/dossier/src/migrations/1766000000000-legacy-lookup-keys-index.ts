import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rows whose lookup key is still a bare SHA-256 (written before the HMAC), indexed by a partial index with the very
 * predicate `LookupKeyRekeying` queries: once every row is converted the index is empty, and the start-up check reads
 * nothing instead of scanning the whole dossier table on every start.
 */
export class LegacyLookupKeysIndex1766000000000 implements MigrationInterface {
  name = 'LegacyLookupKeysIndex1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX dossier_legacy_lookup_key ON dossier (code) WHERE lookup_key_hash NOT LIKE 'hmac1:%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dossier_legacy_lookup_key');
  }
}

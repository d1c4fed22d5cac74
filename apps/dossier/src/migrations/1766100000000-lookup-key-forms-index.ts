import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lookup keys gained a second stored form (`hmac2:`, bound to the code by the statement that numbers an intake): the
 * partial index of rows still in the bare SHA-256 form now leaves out every `hmac…` form, with the very predicate
 * `LookupKeyRekeying` queries. Under the former predicate every new row would have entered it, and been taken for a
 * bare hash by the start-up conversion.
 */
export class LookupKeyFormsIndex1766100000000 implements MigrationInterface {
  name = 'LookupKeyFormsIndex1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dossier_legacy_lookup_key');
    await q.query(`CREATE INDEX dossier_legacy_lookup_key ON dossier (code) WHERE lookup_key_hash NOT LIKE 'hmac%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dossier_legacy_lookup_key');
    await q.query(`CREATE INDEX dossier_legacy_lookup_key ON dossier (code) WHERE lookup_key_hash NOT LIKE 'hmac1:%'`);
  }
}

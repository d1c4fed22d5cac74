import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HMAC_FORMS_PREFIX, LookupKeys } from './lookup-key';

const BATCH = 1_000;
/**
 * Rows still in the bare form, oldest code first. The predicate is spelled out as a literal because the partial index
 * `dossier_legacy_lookup_key` (migration 1766100000000) only serves a query that states its predicate; a parameter
 * would not match it.
 */
export const LEGACY_ROWS_QUERY = `SELECT code, lookup_key_hash FROM dossier WHERE lookup_key_hash NOT LIKE '${HMAC_FORMS_PREFIX}%' ORDER BY code LIMIT $1`;

/**
 * Converts rows still holding a bare SHA-256 lookup hash (written before the HMAC) at start-up, a batch at a time:
 * the HMAC covers the key's SHA-256, so no key is needed. Replicas may run it together (each UPDATE only touches
 * rows still in the old form). A row converted under one LOOKUP_KEY_SECRET is not readable under another: changing
 * the secret invalidates every lookup key (the agencies then sync new ones). Once all rows are converted, the partial
 * index `dossier_legacy_lookup_key` is empty and this check costs one index probe, whatever the table's size.
 */
@Injectable()
export class LookupKeyRekeying implements OnApplicationBootstrap {
  private readonly logger = new Logger('LookupKeyRekeying');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: LookupKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let total = 0;
    for (;;) {
      const rows: Array<{ code: string; lookup_key_hash: string }> = await this.dataSource.query(
        LEGACY_ROWS_QUERY,
        [BATCH],
      );
      if (rows.length === 0) break;
      await this.dataSource.query(
        `UPDATE dossier d SET lookup_key_hash = v.hash
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(code, old, hash)
          WHERE d.code = v.code AND d.lookup_key_hash = v.old`,
        [rows.map((r) => r.code), rows.map((r) => r.lookup_key_hash), rows.map((r) => this.keys.fromLegacy(r.code, r.lookup_key_hash))],
      );
      total += rows.length;
      if (rows.length < BATCH) break;
    }
    if (total > 0) this.logger.log(`converted ${total} lookup key hashes from bare SHA-256 to HMAC`);
  }
}

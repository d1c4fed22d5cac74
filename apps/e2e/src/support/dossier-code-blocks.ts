import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Hub } from './hub';

// Codes 1000–6999: below them, the Hubs that number from 0001; above them, the codes suites sync themselves (7001,
// 7101, 8001–8116, …).
const FIRST_BLOCK = 100;
const LAST_BLOCK = 699;

/**
 * Makes `hub` number the online intakes of `agencyCodes` today from a block of ten codes of its own.
 *
 * Every e2e Hub has a fresh dossier database, so it numbers an agency's dossiers of the day from 0001, while every Hub
 * shares the broker: a fresh consumer group (payment's, rating's) replays the other Hubs' dossier events first, under
 * the same codes, and the first event of a code wins. A suite that follows its intakes into other services calls this
 * before its first intake. Blocks are claimed for the day on this machine with an atomic `mkdir` under the temporary
 * directory, so no two Hubs of the day get the same one.
 */
export async function numberDossiersFromOwnBlock(hub: Hub, agencyCodes: readonly string[]): Promise<void> {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // receipt dates are Vietnam's
  const claims = join(tmpdir(), 'hub-e2e-code-blocks', today);
  mkdirSync(claims, { recursive: true });
  const block = claimBlock(claims);
  const client = new Client({ connectionString: hub.databases.get('dossier')!.url });
  await client.connect();
  try {
    // last_value is the last code issued: the next intake takes block × 10 (…0) on, ten in all before the next block.
    await client.query(
      `INSERT INTO dossier_code_sequence (agency_code, receipt_date, last_value) SELECT unnest($1::text[]), $2::date, $3
         ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_value = GREATEST(dossier_code_sequence.last_value, EXCLUDED.last_value)`,
      [agencyCodes, today, block * 10 - 1],
    );
  } finally {
    await client.end();
  }
}

function claimBlock(claims: string): number {
  for (let block = FIRST_BLOCK; block <= LAST_BLOCK; block++) {
    try {
      mkdirSync(join(claims, String(block)));
      return block;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`every block of dossier codes for today is claimed (${claims}): remove the directory to start over`);
}

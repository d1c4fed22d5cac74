import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredAttempt } from './idempotency-rules';

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ExistingAttempt extends StoredAttempt {
  answer?: StoredAnswer;
}

interface AttemptRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: Buffer | null;
}

/** `idempotency_key` rows, one per client and key; times come from PostgreSQL so that every replica agrees. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the key for a new attempt: inserts it, or takes over a row that expired or whose first attempt was
   * abandoned (its lease ran out: the replica died mid-request). Returns false if the key is held.
   */
  async claim(clientId: string, key: string, fingerprint: string, ttlSeconds: number, leaseMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key AS k (client_id, key, fingerprint, state, locked_until, created_at, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now() + make_interval(secs => $5::double precision / 1000), now(), now() + make_interval(secs => $4))
       ON CONFLICT (client_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'in_flight', response_status = NULL, response_headers = NULL,
             response_body = NULL, locked_until = EXCLUDED.locked_until, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= now() OR (k.state = 'in_flight' AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [clientId, key, fingerprint, ttlSeconds, leaseMs],
    );
    return rows.length > 0;
  }

  async find(clientId: string, key: string): Promise<ExistingAttempt | undefined> {
    const [row]: AttemptRow[] = await this.dataSource.query(
      'SELECT fingerprint, state, response_status, response_headers, response_body FROM idempotency_key WHERE client_id = $1 AND key = $2',
      [clientId, key],
    );
    if (!row) return undefined;
    const answer = row.state === 'completed' ? { status: row.response_status!, headers: row.response_headers ?? {}, body: row.response_body ?? Buffer.alloc(0) } : undefined;
    return { fingerprint: row.fingerprint, state: row.state, answer };
  }

  async complete(clientId: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET state = 'completed', response_status = $3, response_headers = $4, response_body = $5
       WHERE client_id = $1 AND key = $2`,
      [clientId, key, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** Lets the key go when no answer came (the service could not be reached), so that a retry runs again. */
  async release(clientId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE client_id = $1 AND key = $2 AND state = 'in_flight'`, [clientId, key]);
  }

  async pruneExpired(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query('DELETE FROM idempotency_key WHERE expires_at <= now()');
    return affected;
  }
}

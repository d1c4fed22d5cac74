import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment requests, payments, the raw callback log, refunds and reconciliations. Money is whole VND in bigint
 * columns; at most one payment per request is in flight (partial unique index).
 */
export class Payments1765100000000 implements MigrationInterface {
  name = 'Payments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_request (
        request_id uuid PRIMARY KEY,
        dossier_code text NOT NULL,
        origin_key text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('INTAKE', 'STATUS_6')),
        receiving_agency_code text NOT NULL,
        procedure_code text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000),
        fees jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('OPEN', 'PAID', 'CANCELLED')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (dossier_code, origin_key)
      )`);
    await q.query(`
      CREATE TABLE payment (
        payment_id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES payment_request (request_id),
        dossier_code text NOT NULL,
        receiving_agency_code text NOT NULL,
        provider text NOT NULL,
        reference text NOT NULL UNIQUE CHECK (length(reference) <= 50),
        amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000),
        state text NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED')),
        payment_url text,
        return_url text NOT NULL,
        expires_at timestamptz NOT NULL,
        transaction_id text,
        bank_code text,
        receipt_number text,
        treasury_account text,
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
        review_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        settled_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX payment_one_in_flight_idx ON payment (request_id) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX payment_dossier_idx ON payment (dossier_code)`);
    await q.query(`CREATE INDEX payment_pending_expiry_idx ON payment (expires_at) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX payment_settled_idx ON payment (provider, settled_at)`);
    await q.query(`CREATE SEQUENCE receipt_number_seq`);
    await q.query(`
      CREATE TABLE payment_callback_log (
        id bigserial PRIMARY KEY,
        provider text NOT NULL,
        received_at timestamptz NOT NULL,
        raw text NOT NULL,
        reference text,
        transaction_id text,
        outcome text,
        detail text
      )`);
    await q.query(`CREATE INDEX payment_callback_log_reference_idx ON payment_callback_log (reference)`);
    await q.query(`
      CREATE TABLE refund (
        refund_id uuid PRIMARY KEY,
        payment_id uuid NOT NULL REFERENCES payment (payment_id),
        reference text NOT NULL UNIQUE CHECK (length(reference) <= 50),
        amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000),
        reason text NOT NULL,
        state text NOT NULL CHECK (state IN ('PROPOSED', 'PENDING', 'SENT', 'SUCCEEDED', 'FAILED')),
        idempotency_key text,
        fingerprint text,
        requested_by text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz,
        UNIQUE (payment_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX refund_to_send_idx ON refund (created_at) WHERE state = 'PENDING'`);
    await q.query(`
      CREATE TABLE reconciliation (
        reconciliation_id uuid PRIMARY KEY,
        provider text NOT NULL,
        statement_date date NOT NULL,
        source text NOT NULL CHECK (source IN ('UPLOAD', 'FETCH', 'DAILY')),
        totals jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX reconciliation_daily_idx ON reconciliation (provider, statement_date) WHERE source = 'DAILY'`);
    await q.query(`
      CREATE TABLE reconciliation_exception (
        exception_id uuid PRIMARY KEY,
        reconciliation_id uuid NOT NULL REFERENCES reconciliation (reconciliation_id),
        kind text NOT NULL CHECK (kind IN ('MISSING_AT_HUB', 'MISSING_AT_PROVIDER', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH')),
        reference text NOT NULL,
        line_number integer,
        hub_amount bigint,
        provider_amount bigint,
        hub_state text,
        provider_state text,
        resolved_at timestamptz,
        resolution_note text,
        resolved_by text
      )`);
    await q.query(`CREATE INDEX reconciliation_exception_idx ON reconciliation_exception (reconciliation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reconciliation_exception', 'reconciliation', 'refund', 'payment_callback_log', 'payment', 'payment_request']) await q.query(`DROP TABLE ${t}`);
    await q.query('DROP SEQUENCE receipt_number_seq');
  }
}

// Request and answer shapes of the operations the SDK wraps; the full contract is docs/openapi.json.

/** application/problem+json, as every error of the hub. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Stable code to branch on: `RATE_LIMITED`, `IDEMPOTENCY_KEY_REUSED`, `VALIDATION_FAILED`… */
  code: string;
  detail?: string;
  correlationId?: string;
  errors?: { field: string; code: string; message: string }[];
  [extension: string]: unknown;
}

export interface AccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  [field: string]: unknown;
}

export interface SubmitDossierRequest {
  procedureCode: string;
  receivingAgencyCode: string;
  applicant: Applicant;
  [field: string]: unknown;
}

export interface Dossier {
  code: string;
  procedureCode: string;
  receivingAgencyCode: string;
  status: string;
  [field: string]: unknown;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  [field: string]: unknown;
}

/** What the hub tells about one answer beyond its body. */
export interface ExchangeMeta {
  status: number;
  /** `X-Hub-Receipt`: keep it to prove later what the hub acknowledged (verify with tools/receipt). */
  receipt?: string;
  /** true when the answer is the stored one of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  correlationId?: string;
  /** `RateLimit` header, e.g. `"write";r=12;t=3`. */
  rateLimit?: string;
}

export interface HubResult<T> {
  data: T;
  meta: ExchangeMeta;
}

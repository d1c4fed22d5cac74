export interface FieldError {
  /** Dot path into the input, array indexes included: `fees.0.amount`. */
  field: string;
  /** Stable machine code, e.g. `IS_INT`, `UNKNOWN_FIELD`. */
  code: string;
  message: string;
}

export interface ProblemInit {
  status: number;
  /** Stable UPPER_SNAKE code clients can branch on. */
  code: string;
  title: string;
  titleVi: string;
  detail?: string;
  detailVi?: string;
  errors?: FieldError[];
  /** Extra members rendered at the top level of the problem document. */
  extensions?: Record<string, unknown>;
  /** Response headers that go with the problem, e.g. `Retry-After` on a 429 or 503. */
  headers?: Record<string, string>;
}

/** The one error type that reaches clients as-is; everything else is mapped or hidden behind INTERNAL_ERROR. */
export class ProblemException extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly titleVi: string;
  readonly detail?: string;
  readonly detailVi?: string;
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(init: ProblemInit, options?: { cause?: unknown }) {
    super(init.detail ?? init.title, options);
    this.name = 'ProblemException';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.titleVi = init.titleVi;
    this.detail = init.detail;
    this.detailVi = init.detailVi;
    this.errors = init.errors;
    this.extensions = init.extensions;
    this.headers = init.headers;
  }
}

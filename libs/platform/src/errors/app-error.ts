import type { FieldError } from './problem.exception';

export interface AppErrorOptions {
  /** Human message in Vietnamese; the English one is the Error message. */
  messageVi?: string;
  /** The offending input fields, as dot paths (`dossiers.3.fees.0.amount`). */
  fields?: FieldError[];
  /** Values a transport may render (current and requested status, a limit...). Never personal data. */
  params?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A broken rule or a refused request, named by a stable UPPER_SNAKE code. It knows nothing of HTTP or Kafka:
 * each transport maps codes once and exhaustively (`HttpErrorMap`, `ConsumerErrorMap`).
 */
export class AppError<C extends string = string> extends Error {
  readonly code: C;
  readonly messageVi?: string;
  readonly fields?: FieldError[];
  readonly params?: Record<string, unknown>;

  constructor(code: C, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageVi = options.messageVi;
    this.fields = options.fields;
    this.params = options.params;
  }
}

/** How the HTTP layer renders one code. */
export interface HttpErrorMapping {
  status: number;
  title: string;
  titleVi: string;
  /** Names of `params` rendered as top-level members of the problem document (`limitBytes`, `missingCalendar`). */
  extensions?: readonly string[];
  /** Members rendered the same on every occurrence (OAuth's `error: 'invalid_client'`), before the params' ones. */
  fixedExtensions?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Response headers: a fixed value (`WWW-Authenticate`), or `{ param }` for one taken from the error's params
   * (`Retry-After`); a header whose param is absent is not sent.
   */
  headers?: Readonly<Record<string, string | { param: string }>>;
}

/** Every code of a union mapped to HTTP: a code added to the union and not mapped does not compile. */
export type HttpErrorMap<C extends string> = { readonly [K in C]: HttpErrorMapping };

/** What a Kafka consumer does with a handler error: retry what can succeed later, dead-letter the rest at once. */
export type ConsumerDisposition = 'retry' | 'dead-letter';

/** Every code of a union classified for consumers: a code added and not classified does not compile. */
export type ConsumerErrorMap<C extends string> = { readonly [K in C]: ConsumerDisposition };

/** Merged error maps of one application (see `AppErrorsModule.forFeature`). */
export interface ErrorMaps {
  http: ReadonlyMap<string, HttpErrorMapping>;
  consumer: ReadonlyMap<string, ConsumerDisposition>;
}

/** How a consumer treats a handler error: only an AppError classified 'dead-letter' skips the retries. */
export function consumerDispositionOf(error: unknown, consumer: ErrorMaps['consumer']): ConsumerDisposition {
  return error instanceof AppError ? (consumer.get(error.code) ?? 'retry') : 'retry';
}

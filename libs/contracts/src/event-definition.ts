import type { ValidationError } from 'class-validator';
import { validatedInstance } from './validation/validate-instance';
import { installValidationMetadataCache } from './validation/validation-metadata-cache';

installValidationMetadataCache();

/**
 * One event contract: topic (versioned in its name), payload class with validation rules,
 * how the Kafka key is derived (the aggregate id), and an example used by the contract test and docs.
 * A published version never changes meaning; a breaking change is a new definition with `.v2`.
 */
export interface EventDefinition<P extends object = object> {
  readonly topic: string;
  /**
   * The only service that publishes on the topic (its first name segment: `catalogue.procedure.published.v1` →
   * `catalogue`). Consumers dead-letter a message whose `producer` header names anyone else, and the broker's ACLs
   * let only this service's principal write the topic.
   */
  readonly owner: string;
  /** Event type without version, e.g. `dossier.submitted`. */
  readonly type: string;
  readonly version: number;
  readonly payload: new () => P;
  // Method syntax (bivariant) so an EventDefinition<SomePayload> is usable where EventDefinition<object> is expected.
  keyOf(payload: P): string;
  /** Snapshot topics are compacted: the latest value per key is the state. */
  readonly compacted: boolean;
  readonly example: P;
  /**
   * A retired version: no service publishes or reads it any more, but it stays defined and published in the
   * standard (marked deprecated, with its replacement) because a published version never disappears silently.
   */
  readonly deprecated?: EventDeprecation;
}

export interface EventDeprecation {
  /** The topic that replaces it, e.g. `dossier.received.v1`. */
  replacedBy: string;
  /** Why and since when, for readers of the standard. */
  note: string;
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

export function defineEvent<P extends object>(def: {
  topic: string;
  payload: new () => P;
  keyOf: (payload: P) => string;
  compacted?: boolean;
  example: NoInfer<P>;
  deprecated?: EventDeprecation;
}): EventDefinition<P> {
  const match = /^(.+)\.v(\d+)$/.exec(def.topic);
  if (!match) throw new Error(`Topic ${def.topic} must end with its version, e.g. .v1`);
  return { ...def, owner: def.topic.split('.')[0], type: match[1], version: Number(match[2]), compacted: def.compacted ?? false };
}

export interface ContractViolation {
  field: string;
  message: string;
}

export type DecodeResult<P> = { ok: true; value: P } | { ok: false, violations: ContractViolation[] };

/**
 * Validates a plain object (already JSON-parsed) against the event's payload contract. Unknown fields
 * are dropped, not rejected (tolerant reader): adding an optional field to a published version must not
 * park every message at consumers deployed before the producer. HTTP input, by contrast, rejects them.
 */
export function decodePayload<P extends object>(def: EventDefinition<P>, plain: unknown): DecodeResult<P> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, violations: [{ field: '', message: 'payload must be a JSON object' }] };
  }
  const result = validatedInstance(def.payload, plain, 'strip');
  return result.ok ? result : { ok: false, violations: flatten(result.errors) };
}

function flatten(errors: ValidationError[], prefix = ''): ContractViolation[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** docs/standard/ of this checkout: what the hub publishes. */
export const PUBLISHED_STANDARD_DIR = join(__dirname, '../../../../docs/standard');

export interface CapturedMessage {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  /** The Kafka message value as text (UTF-8 JSON). */
  value: string | null;
}

interface IndexedEvent {
  topic: string;
  producers: string[];
  payloadSchema: string;
  headersSchema: string;
}

/**
 * Validates messages against the published data-packet standard (its JSON Schemas, draft 2020-12, with ajv): what
 * an agency system or any other reader would check. `strict` also rejects properties the standard does not declare
 * (the published schemas allow them, since readers must tolerate additions; the hub's own producers must not send
 * undeclared data).
 */
export class PublishedStandard {
  private readonly events = new Map<string, IndexedEvent>();
  private readonly validators = new Map<string, ValidateFunction>();

  /** `files`: generated files of docs/standard by relative path (as `npm run standard` writes them). */
  constructor(private readonly files: ReadonlyMap<string, unknown>) {
    const index = files.get('index.json') as { events: IndexedEvent[] } | undefined;
    if (!index) throw new Error('the standard has no index.json');
    for (const e of index.events) this.events.set(e.topic, e);
  }

  static load(dir = PUBLISHED_STANDARD_DIR): PublishedStandard {
    const list = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(d, e.name)) : [join(d, e.name)]));
    const files = list(dir).filter((f) => f.endsWith('.json'));
    return new PublishedStandard(new Map(files.map((f) => [relative(dir, f).split('\\').join('/'), JSON.parse(readFileSync(f, 'utf8'))])));
  }

  /** Topics the standard says `service` publishes. */
  topicsProducedBy(service: string): string[] {
    return [...this.events.values()].filter((e) => e.producers.includes(service)).map((e) => e.topic);
  }

  /** The schema at `path` (relative to docs/standard) accepts `value`: the errors, or none. */
  check(path: string, value: unknown, { strict = false } = {}): string[] {
    const validate = this.validator(path, strict);
    return validate(value) ? [] : describe(validate.errors);
  }

  /** Envelope headers, key and payload of one Kafka message: every violation, prefixed by where it is. */
  checkMessage(message: CapturedMessage, options: { strict?: boolean } = {}): string[] {
    const event = this.events.get(message.topic);
    if (!event) return [`topic ${message.topic} is not in the published standard`];
    const errors = this.check(event.headersSchema, message.headers, options).map((e) => `headers${e}`);
    if (!message.key) errors.push('key: missing');
    let payload: unknown;
    try {
      payload = JSON.parse(message.value ?? '');
    } catch {
      return [...errors, 'value: not JSON'];
    }
    return [...errors, ...this.check(event.payloadSchema, payload, options).map((e) => `payload${e}`)];
  }

  private validator(path: string, strict: boolean): ValidateFunction {
    const cacheKey = `${strict ? 'strict:' : ''}${path}`;
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      const schema = this.files.get(path);
      if (!schema) throw new Error(`the standard has no ${path}`);
      const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
      addFormats(ajv);
      validate = ajv.compile(strict ? closed(schema) : (schema as object));
      this.validators.set(cacheKey, validate);
    }
    return validate;
  }
}

/** A copy where every object schema declares its properties exhaustively. */
function closed(schema: unknown): object {
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === 'object' && 'properties' in value
      ? { ...value, additionalProperties: false }
      : value,
  ) as object;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || ''}: ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

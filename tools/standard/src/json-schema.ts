import { IS_INSTANT, WORKING_PERIODS_JSON_SCHEMA } from '@hub/contracts';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_ENUM, IS_IN, IS_NEGATIVE, IS_POSITIVE, IS_URL, MAX, MIN, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { defaultConverters, type ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** A JSON Schema as plain data. */
export type JsonSchema = { [keyword: string]: unknown };
type Payload = new () => object;

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const COMPONENT_REF = '#/components/schemas/';

/**
 * How each class-validator decorator of the contracts becomes JSON Schema. The library's defaults cover the rest;
 * these replace defaults that would be unfaithful or order-dependent:
 * - `@Min`/`@Max`/`@IsPositive`/`@IsNegative` set no `type` (the default says `number`, which, merged after
 *   `@IsInt`, would loosen `integer`);
 * - `@IsEnum` lists the enum's values only: the default lists a numeric enum's reverse names too, as strings
 *   (class-validator does accept those names; the standard does not publish them: prefer `@IsIn` for an exact list);
 * - `@IsUrl` is a `uri`;
 * - `@IsInstant` (libs/contracts) is a date-time: it accepts RFC 3339 timestamps with an offset only (the contract
 *   test and the conformance test over real Kafka messages hold producers to it);
 * - `@IsIn` over integers is an integer enum;
 * - `@IsDefined` is expressed by `required` alone;
 * - custom validators (`ValidateBy`) need their schema here, or generation fails (never a silent `{}`).
 */
const CONVERTERS: ISchemaConverters = {
  [MIN]: (meta) => ({ minimum: meta.constraints[0] }),
  [MAX]: (meta) => ({ maximum: meta.constraints[0] }),
  [IS_INSTANT]: { type: 'string', format: 'date-time' },
  [IS_IN]: (meta) => enumSchema(meta.constraints[0] as unknown[]),
  // A TypeScript enum's values, without the reverse names of a numeric enum (the default lists both, as strings).
  [IS_ENUM]: (meta) => enumSchema(Object.entries(meta.constraints[0] as object).filter(([k]) => Number.isNaN(Number(k))).map(([, v]) => v as unknown)),
  [IS_POSITIVE]: { exclusiveMinimum: 0 },
  [IS_NEGATIVE]: { exclusiveMaximum: 0 },
  [IS_URL]: { type: 'string', format: 'uri' },
  // Required and not null: the `required` list says so already (the default adds `not: {type: null}`).
  [ValidationTypes.IS_DEFINED]: {},
  isWorkingPeriods: structuredClone(WORKING_PERIODS_JSON_SCHEMA) as JsonSchema,
};

const OPTIONS = {
  refPointerPrefix: COMPONENT_REF,
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: CONVERTERS,
};

function enumSchema(values: unknown[]): JsonSchema {
  const type = values.every((v) => typeof v === 'string')
    ? 'string'
    : values.every((v) => Number.isInteger(v))
      ? 'integer'
      : values.every((v) => typeof v === 'number')
        ? 'number'
        : undefined;
  return type ? { type, enum: [...values] } : { enum: [...values] };
}

/**
 * Every class reachable from the roots through `@ValidateNested` + `@Type`, by class name, each as an object schema
 * whose nested classes are `$ref: '#/components/schemas/<Name>'`. Optional properties (`@IsOptional`, which lets
 * `null` through) are `anyOf: [<schema>, {type: null}]`. Unknown properties are allowed (readers are tolerant, and a
 * published version may gain optional fields). Class names must be unique across the contracts.
 */
export function classSchemas(roots: readonly Payload[]): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const seen = new Map<string, Payload>();
  const queue = [...roots];
  while (queue.length > 0) {
    const cls = queue.shift()!;
    const other = seen.get(cls.name);
    if (other === cls) continue;
    if (other) throw new Error(`Two contract classes are named ${cls.name}: class names must be unique in the standard`);
    seen.set(cls.name, cls);
    out.set(cls.name, classSchema(cls));
    queue.push(...nestedClasses(cls));
  }
  return out;
}

function metadataOf(cls: Payload): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
}

function nestedClasses(cls: Payload): Payload[] {
  return metadataOf(cls)
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)
    .map((m) => {
      const type = defaultMetadataStorage.findTypeMetadata(cls, m.propertyName);
      if (!type) throw new Error(`${cls.name}.${m.propertyName}: @ValidateNested needs @Type(() => Class) to be published`);
      return type.typeFunction() as Payload;
    });
}

function classSchema(cls: Payload): JsonSchema {
  assertConvertible(cls);
  const raw = targetConstructorToSchema(cls, OPTIONS) as JsonSchema;
  const required = (raw.required as string[] | undefined) ?? [];
  const properties: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(raw.properties as Record<string, JsonSchema>)) {
    assertConstrained(cls, name, schema);
    properties[name] = required.includes(name) ? tidy(schema) : { anyOf: [tidy(schema), { type: 'null' }] };
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

const KEYWORD_ORDER = ['$ref', 'type', 'const', 'enum', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'items'];

/** Keywords in a reader's order (type first), whatever order the decorators were written in. */
function tidy(schema: JsonSchema): JsonSchema {
  const rank = (k: string) => (KEYWORD_ORDER.includes(k) ? KEYWORD_ORDER.indexOf(k) : KEYWORD_ORDER.length);
  const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, k === 'items' && typeof schema.items === 'object' ? tidy(schema.items as JsonSchema) : schema[k]]));
}

/** A custom validator without a converter would publish `{}`, i.e. "anything": refuse instead. */
function assertConvertible(cls: Payload): void {
  for (const m of metadataOf(cls)) {
    const name = m.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0]?.name : undefined;
    if (m.type === ValidationTypes.CUSTOM_VALIDATION && (!name || !(name in CONVERTERS || name in defaultConverters))) {
      throw new Error(`${cls.name}.${m.propertyName}: custom validator ${name ?? '(anonymous)'} has no JSON Schema converter in tools/standard`);
    }
  }
}

function assertConstrained(cls: Payload, property: string, schema: JsonSchema): void {
  const unconstrained = (s: unknown) => typeof s === 'object' && s !== null && Object.keys(s).length === 0;
  if (unconstrained(schema) || unconstrained(schema.items)) {
    throw new Error(`${cls.name}.${property}: its decorators say nothing about its type, so its schema would accept anything`);
  }
}

/** Replaces every `$ref` prefix `from` with `to` in a copy of `schema`. */
export function rewriteRefs<T>(schema: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith(from) ? to + value.slice(from.length) : value,
  ) as T;
}

/** The names a schema refers to through `#/components/schemas/<Name>`, transitively, in first-seen order. */
export function referencedNames(schema: unknown, all: Map<string, JsonSchema>, found = new Set<string>()): Set<string> {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
        const name = value.slice(COMPONENT_REF.length);
        if (!found.has(name)) {
          found.add(name);
          visit(all.get(name));
        }
      } else visit(value);
    }
  };
  visit(schema);
  return found;
}

/**
 * A self-contained draft 2020-12 document: `root` with the classes it refers to under `$defs`, published at `id`
 * (a path under the gateway, e.g. `/standard/schemas/events/dossier.submitted.v1.payload.json`).
 */
export function standaloneSchema(
  root: JsonSchema,
  all: Map<string, JsonSchema>,
  meta: { id: string; title: string; description: string; examples: unknown[]; deprecated?: boolean },
): JsonSchema {
  const names = [...referencedNames(root, all)];
  const defs = Object.fromEntries(names.map((n) => [n, all.get(n)!]));
  return rewriteRefs(
    {
      $schema: DRAFT_2020_12,
      $id: meta.id,
      title: meta.title,
      description: meta.description,
      ...(meta.deprecated ? { deprecated: true } : {}),
      ...root,
      ...(names.length > 0 ? { $defs: defs } : {}),
      examples: meta.examples,
    },
    COMPONENT_REF,
    '#/$defs/',
  );
}

export function componentRef(name: string): JsonSchema {
  return { $ref: COMPONENT_REF + name };
}

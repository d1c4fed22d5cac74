import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from './json-schema';
import type { StandardFiles } from './standard';

export type ChangeKind =
  | 'version-removed'
  | 'field-removed'
  | 'type-changed'
  | 'newly-required'
  | 'no-longer-required'
  | 'enum-narrowed'
  | 'enum-widened'
  | 'constraint-changed';

export interface Incompatibility {
  /** The published schema file, e.g. `schemas/events/dossier.submitted.v1.payload.json`. */
  file: string;
  /** Dot path of the property (`channels[].fees[].amount`), empty for the root. */
  path: string;
  kind: ChangeKind;
  detail: string;
}

/** Keywords that only document: changing them never breaks anyone. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'deprecated', '$defs']);
/** Keywords compared structurally by the walk itself. */
const STRUCTURE = new Set(['type', 'properties', 'required', 'items', 'enum', 'anyOf', 'allOf', '$ref']);

/**
 * What changed incompatibly between the published schemas (`before`, the committed docs/standard) and the ones the
 * code generates now (`after`). Every published schema file is compared with its namesake.
 *
 * A published version must stay readable both ways: consumers built on it must read new messages (they validate
 * against it and drop unknown properties) and new consumers must read old messages (compacted topics keep them for
 * ever). So the only compatible change is a new optional property; annotations (descriptions, examples) may change.
 * Removing or renaming a property, changing a type, requiring a property, adding or removing an enum value, or
 * changing any constraint needs a new version (`.v2`) published beside the old one.
 */
export function findIncompatibilities(before: StandardFiles, after: StandardFiles): Incompatibility[] {
  const out: Incompatibility[] = [];
  for (const [file, old] of before) {
    if (!file.startsWith('schemas/')) continue;
    const now = after.get(file);
    if (now === undefined) {
      out.push({ file, path: '', kind: 'version-removed', detail: 'a published version is no longer generated: keep publishing it until no consumer reads it' });
      continue;
    }
    compare(new Walk(file, old as JsonSchema, now as JsonSchema, out), old as JsonSchema, now as JsonSchema, '');
  }
  return out;
}

class Walk {
  constructor(
    readonly file: string,
    readonly beforeRoot: JsonSchema,
    readonly afterRoot: JsonSchema,
    readonly out: Incompatibility[],
  ) {}

  report(path: string, kind: ChangeKind, detail: string): void {
    this.out.push({ file: this.file, path, kind, detail });
  }
}

function compare(walk: Walk, rawOld: JsonSchema, rawNew: JsonSchema, path: string, depth = 0): void {
  if (depth > 64) throw new Error(`${walk.file}: schema nesting deeper than 64 at ${path}`);
  const old = unwrap(resolve(rawOld, walk.beforeRoot), walk.beforeRoot);
  const now = unwrap(resolve(rawNew, walk.afterRoot), walk.afterRoot);
  if (old.nullable !== now.nullable) walk.report(path, old.nullable ? 'type-changed' : 'constraint-changed', `null ${old.nullable ? 'no longer' : 'now'} allowed`);
  const a = old.schema;
  const b = now.schema;
  if (!isDeepStrictEqual(a.type, b.type)) walk.report(path, 'type-changed', `type ${show(a.type)} → ${show(b.type)}`);
  compareEnums(walk, a, b, path);
  compareObjects(walk, a, b, path, depth);
  if (a.items || b.items) {
    if (a.items && b.items) compare(walk, a.items as JsonSchema, b.items as JsonSchema, `${path}[]`, depth + 1);
    else walk.report(`${path}[]`, 'constraint-changed', `items ${a.items ? 'no longer described' : 'now constrained'}`);
  }
  compareLists(walk, 'allOf', a, b, path, depth);
  compareLists(walk, 'anyOf', a, b, path, depth);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (ANNOTATIONS.has(key) || STRUCTURE.has(key) || isDeepStrictEqual(a[key], b[key])) continue;
    walk.report(path, 'constraint-changed', `${key} ${show(a[key])} → ${show(b[key])}`);
  }
}

function compareObjects(walk: Walk, a: JsonSchema, b: JsonSchema, path: string, depth: number): void {
  const oldProps = (a.properties ?? {}) as Record<string, JsonSchema>;
  const newProps = (b.properties ?? {}) as Record<string, JsonSchema>;
  const oldRequired = new Set((a.required ?? []) as string[]);
  const newRequired = new Set((b.required ?? []) as string[]);
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, schema] of Object.entries(oldProps)) {
    if (!(name in newProps)) walk.report(at(name), 'field-removed', `property ${name} was removed or renamed`);
    else compare(walk, schema, newProps[name], at(name), depth + 1);
  }
  for (const name of newRequired) if (!oldRequired.has(name)) walk.report(at(name), 'newly-required', `property ${name} is now required`);
  for (const name of oldRequired) if (!newRequired.has(name) && name in newProps) walk.report(at(name), 'no-longer-required', `property ${name} is no longer required`);
}

function compareEnums(walk: Walk, a: JsonSchema, b: JsonSchema, path: string): void {
  if (!a.enum && !b.enum) return;
  const oldValues = (a.enum ?? []) as unknown[];
  const newValues = (b.enum ?? []) as unknown[];
  const removed = oldValues.filter((v) => !newValues.some((n) => isDeepStrictEqual(n, v)));
  const added = newValues.filter((v) => !oldValues.some((o) => isDeepStrictEqual(o, v)));
  if (!a.enum || !b.enum) walk.report(path, 'constraint-changed', `enum ${show(a.enum)} → ${show(b.enum)}`);
  else {
    if (removed.length > 0) walk.report(path, 'enum-narrowed', `enum lost ${show(removed)}`);
    if (added.length > 0) walk.report(path, 'enum-widened', `enum gained ${show(added)}: consumers of this version would reject it`);
  }
}

function compareLists(walk: Walk, key: 'allOf' | 'anyOf', a: JsonSchema, b: JsonSchema, path: string, depth: number): void {
  const left = (a[key] ?? []) as JsonSchema[];
  const right = (b[key] ?? []) as JsonSchema[];
  if (left.length !== right.length) walk.report(path, 'constraint-changed', `${key} has ${left.length} → ${right.length} schemas`);
  else left.forEach((s, i) => compare(walk, s, right[i], path, depth + 1));
}

/** Follows local `$ref`s (`#/$defs/Name`) inside one document. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 32 || !current.$ref.startsWith('#/')) throw new Error(`cannot resolve $ref ${current.$ref}`);
    const target = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    if (typeof target !== 'object' || target === null) throw new Error(`dangling $ref ${current.$ref}`);
    current = target as JsonSchema;
  }
  return current;
}

/** An optional property is published as `anyOf: [<schema>, {type: null}]`: compare the schema, and nullability apart. */
function unwrap(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf as JsonSchema[] | undefined;
  if (Object.keys(schema).length === 1 && options?.length === 2 && isDeepStrictEqual(options[1], { type: 'null' })) {
    return { schema: resolve(options[0], root), nullable: true };
  }
  return { schema, nullable: false };
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

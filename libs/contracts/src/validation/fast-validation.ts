import { getMetadataStorage, MATCHES, MAX_LENGTH, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { defaultMetadataStorage } from './transformer-storage';
import { validationMetadataGeneration } from './validation-metadata-cache';

/**
 * What `plainToInstance` + `validateSync` (whitelist, forbidUnknownValues) make of a valid payload, at a fraction of
 * the cost: a 1,000-record sync batch spent about a fifth of its CPU in class-transformer's and class-validator's
 * generic executors (error objects built for every property, metadata grouped per object), not in the checks.
 *
 * This is a fast path, never a second set of rules: it runs the very constraint objects the decorators registered
 * (`IsString`, `Matches`, a custom `registerDecorator`…) in the order and with the arguments class-validator gives
 * them, builds the instance the way class-transformer does, and answers `undefined` as soon as anything is not
 * certainly valid — a failed check, an unknown field, a shape it does not model (a `@Transform`, a `Set`, a
 * discriminator, a promise). The caller then runs class-validator itself, which writes the errors. So a payload is
 * accepted here only if class-validator accepts it, with an equal instance (`checkFastValidationAgrees` in libs/testing
 * checks both on generated payloads, valid and broken).
 */
export type UnknownFields = 'forbid' | 'strip';

export function fastValidInstance<T extends object>(cls: new () => T, plain: unknown, unknownFields: UnknownFields): T | undefined {
  if (!isPlainObject(plain)) return undefined;
  const plan = planOf(cls);
  if (!plan) return undefined;
  const instance = construct(plan, plain, unknownFields);
  return instance !== FAIL && isValid(plan, instance as Record<string, unknown>) ? (instance as T) : undefined;
}

/** Whether a class and every class nested in it (`@Type`) can take the fast path at all. */
export function hasFastValidation(cls: new () => object, seen = new Set<object>()): boolean {
  if (seen.has(cls)) return true;
  seen.add(cls);
  const plan = planOf(cls);
  if (!plan) return false;
  for (const property of plan.properties.values()) {
    if (!property.type) continue;
    const nested = property.type();
    if (!nested || !hasFastValidation(nested.cls, seen)) return false;
  }
  return true;
}

const FAIL = Symbol('fail');
type Fail = typeof FAIL;

interface Check {
  /** The constraint object class-validator itself calls (its container's instance of the constraint class). */
  constraint: { validate(value: unknown, args: object): unknown };
  metadata: ValidationMetadata;
}

interface PropertyPlan {
  name: string;
  /** `IsOptional`, `ValidateIf`: the property is skipped when one answers false. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  /** `IsDefined` first, then every other constraint, as class-validator orders them. */
  checks: Check[];
  nested: boolean;
  /** class-transformer's `@Type(() => X)` of the property. */
  type: (() => PlanOf) | null;
}

interface ClassPlan {
  cls: new () => object;
  /** The class's name, as class-validator passes it to constraints (`targetName`). */
  name: string;
  properties: Map<string, PropertyPlan>;
}
type PlanOf = ClassPlan | null;

let plans = new WeakMap<object, PlanOf>();
let plansGeneration = -1;

function planOf(cls: new () => object): PlanOf {
  const generation = validationMetadataGeneration();
  if (generation !== plansGeneration) {
    plans = new WeakMap();
    plansGeneration = generation;
  }
  if (plans.has(cls)) return plans.get(cls) as PlanOf;
  plans.set(cls, null); // a class nested in itself is planned once; unsupported until proven otherwise
  const plan = compile(cls);
  plans.set(cls, plan);
  return plan;
}

const SUPPORTED = new Set<string>([ValidationTypes.CUSTOM_VALIDATION, ValidationTypes.IS_DEFINED, ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.NESTED_VALIDATION, ValidationTypes.WHITELIST]);
const PRIMITIVE_TYPES = new Set<unknown>([String, Number, Boolean, Date, Buffer, Map, Set, Object, Array]);
const PLAIN_TO_CLASS = 0; // class-transformer's TransformationType.PLAIN_TO_CLASS

function compile(cls: new () => object): PlanOf {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (metadatas.length === 0 || metadatas.some((m) => !SUPPORTED.has(m.type) || typeof m.target === 'string')) return null;
  if (defaultMetadataStorage.getExposedMetadatas(cls).length > 0 || defaultMetadataStorage.getExcludedMetadatas(cls).length > 0) return null;
  const properties = new Map<string, PropertyPlan>();
  for (const m of metadatas) {
    let property = properties.get(m.propertyName);
    if (!property) properties.set(m.propertyName, (property = { name: m.propertyName, conditions: [], checks: [], nested: false, type: null }));
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) property.conditions.push(m.constraints[0] as (object: object, value: unknown) => boolean);
    else if (m.type === ValidationTypes.NESTED_VALIDATION) property.nested = true;
    else if (m.type === ValidationTypes.CUSTOM_VALIDATION || m.type === ValidationTypes.IS_DEFINED) {
      for (const constraint of storage.getTargetValidatorConstraints(m.constraintCls)) {
        // validateSync skips an async rule, the HTTP pipe's validate awaits it: a class with one is left to class-validator.
        if (constraint.async) return null;
        const check: Check = { constraint: withShortcut(constraint.instance as Check['constraint'], m), metadata: m };
        if (m.type === ValidationTypes.IS_DEFINED) property.checks.unshift(check);
        else property.checks.push(check);
      }
    }
  }
  for (const property of properties.values()) {
    if (defaultMetadataStorage.findTransformMetadatas(cls, property.name, PLAIN_TO_CLASS).length > 0) return null;
    const typeMetadata = defaultMetadataStorage.findTypeMetadata(cls, property.name);
    if (typeMetadata) {
      if (typeMetadata.options?.discriminator || !typeMetadata.typeFunction) return null;
      // A Set or Map property is built as one; a type chosen from the object being built is not modelled.
      if (typeMetadata.reflectedType === Set || typeMetadata.reflectedType === Map || typeMetadata.typeFunction.length > 0) return null;
      const typeFunction = typeMetadata.typeFunction as () => unknown;
      property.type = () => {
        const type = typeFunction();
        return typeof type === 'function' && !PRIMITIVE_TYPES.has(type) ? planOf(type as new () => object) : null;
      };
    }
  }
  // Fields the class itself defines (ES2022 class fields are own properties from the start) pass the whitelist only
  // with a rule; one without would be an error, or deleted, on every payload.
  if (Object.keys(new cls()).some((key) => !properties.has(key))) return null;
  for (const name of properties.keys()) if (hasAccessor(cls, name)) return null;
  return { cls, name: cls.name, properties };
}

/**
 * Two built-in rules decided without the work class-validator's own constraint does, with the same answer:
 * - `@MaxLength(n)` counts characters with two regular-expression matches per value (validator's `isLength`: emoji
 *   presentation marks and surrogate pairs count as part of the character before them), which allocate their match
 *   arrays: ~2 % of the dossier's allocations on a sync batch. That count never exceeds the string's `length`, so a
 *   string no longer than `n` code units passes without it; any other value still goes to the constraint itself.
 * - `@Matches(re)` is `typeof value === 'string' && !!value.match(re)` (validator's `matches`); for a regular
 *   expression without the `g` or `y` flag, `match` finds what `test` finds, without building a match array
 *   (~1.4 %). A pattern given as a string, with modifiers, or with those flags goes to the constraint.
 */
function withShortcut(constraint: Check['constraint'], metadata: ValidationMetadata): Check['constraint'] {
  const [first, second] = metadata.constraints ?? [];
  if (metadata.name === MAX_LENGTH && typeof first === 'number') {
    return { validate: (value, args) => (typeof value === 'string' && value.length <= first) || constraint.validate(value, args) };
  }
  if (metadata.name === MATCHES && first instanceof RegExp && second === undefined && !first.global && !first.sticky) {
    return { validate: (value, args) => (typeof value === 'string' ? first.test(value) : constraint.validate(value, args)) };
  }
  return constraint;
}

function hasAccessor(cls: new () => object, name: string): boolean {
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, name)) return true;
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // Object.prototype of any realm (a test's VM context, structuredClone's), or none.
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** class-transformer's `plainToInstance` for the shapes the plan models; FAIL for anything else. */
function construct(plan: ClassPlan, plain: Record<string, unknown>, unknownFields: UnknownFields): object | Fail {
  const instance = new plan.cls() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    if (key === '__proto__' || key === 'constructor') continue; // class-transformer never copies these
    const property = plan.properties.get(key);
    if (!property) {
      if (skippedByTransformer(instance, key)) continue;
      if (unknownFields === 'forbid') return FAIL;
      // class-transformer copies it (and may throw doing so), the whitelist then deletes it.
      if (plainCopy(plain[key]) === FAIL) return FAIL;
      continue;
    }
    const value = convert(property, plain[key], unknownFields);
    if (value === FAIL) return FAIL;
    instance[key] = value;
  }
  return instance;
}

function convert(property: PropertyPlan, value: unknown, unknownFields: UnknownFields): unknown {
  if (isPrimitive(value)) return value;
  if (!property.type) return plainCopy(value);
  const plan = property.type();
  if (!plan) return FAIL;
  if (Array.isArray(value)) {
    const out: object[] = [];
    for (const element of value) {
      if (!isPlainObject(element)) return FAIL;
      const built = construct(plan, element, unknownFields);
      if (built === FAIL) return FAIL;
      out.push(built);
    }
    return out;
  }
  return isPlainObject(value) ? construct(plan, value, unknownFields) : FAIL;
}

/** A method or getter-only accessor the instance already has: class-transformer leaves such a key out. */
function skippedByTransformer(instance: object, key: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(instance), key);
  return (descriptor !== undefined && !descriptor.set) || (instance as Record<string, unknown>)[key] instanceof Function;
}

/** class-transformer's copy of a value without `@Type`: arrays element by element, plain objects as new plain objects. */
function plainCopy(value: unknown): unknown {
  if (isPrimitive(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value) {
      const copy = plainCopy(element);
      if (copy === FAIL) return FAIL;
      out.push(copy);
    }
    return out;
  }
  // class-transformer takes an own `constructor` field for the object's class (and throws on most): not modelled.
  if (!isPlainObject(value) || Object.hasOwn(value, 'constructor')) return FAIL;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || skippedByTransformer(out, key)) continue;
    const copy = plainCopy(value[key]);
    if (copy === FAIL) return FAIL;
    out[key] = copy;
  }
  return out;
}

/** class-validator's `execute` for an instance built by `construct`: true only when it would report no error. */
function isValid(plan: ClassPlan, object: Record<string, unknown>): boolean {
  // class-validator's arguments to each check; one object per validated object, not per property (allocation).
  const args: CheckArguments = { targetName: plan.name, property: '', object, value: undefined, constraints: NO_CONSTRAINTS };
  for (const property of plan.properties.values()) {
    const value = object[property.name];
    let skipped = false;
    for (const condition of property.conditions) if (!condition(object, value)) skipped = true;
    if (skipped) continue;
    if (!checksPass(property, value, args)) return false;
    if (property.nested && !nestedValid(value)) return false;
  }
  return true;
}

interface CheckArguments {
  targetName: string;
  property: string;
  object: object;
  value: unknown;
  constraints: unknown[];
}
const NO_CONSTRAINTS: unknown[] = [];

function checksPass(property: PropertyPlan, value: unknown, args: CheckArguments): boolean {
  args.property = property.name;
  args.value = value;
  for (const { constraint, metadata } of property.checks) {
    if (metadata.validateIf && !metadata.validateIf(args.object, value)) continue;
    args.constraints = metadata.constraints;
    if (metadata.each && (value instanceof Set || value instanceof Map)) return false;
    if (metadata.each && Array.isArray(value)) {
      for (const element of value) if (!passed(constraint.validate(element, args))) return false;
    } else if (!passed(constraint.validate(value, args))) return false;
  }
  return true;
}

const passed = (result: unknown): boolean => Boolean(result) && !isThenable(result);

function nestedValid(value: unknown): boolean {
  // class-validator lets an undefined nested value through without a rule; the fast path leaves that to it.
  if (Array.isArray(value)) return value.every((element) => element instanceof Object && !Array.isArray(element) && nestedObjectValid(element));
  return value instanceof Object && nestedObjectValid(value);
}

function nestedObjectValid(value: object): boolean {
  const plan = planOf(value.constructor as new () => object);
  return plan !== null && plan.cls === value.constructor && isValid(plan, value as Record<string, unknown>);
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { defaultMetadataStorage, type TransformerStorage } from './transformer-storage';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const INSTALLED = Symbol.for('hub.validation-metadata-cache');
const GENERATION = Symbol.for('hub.validation-metadata-generation');
type Counted = { [GENERATION]?: number };
type Wrapped = Storage & { [INSTALLED]?: true } & Counted;

/**
 * class-validator finds a class's rules on every validated object by filtering the rules of every decorated class in
 * the process (an `instanceof` test per class, for inherited rules): the cost grows with the number of contract
 * classes, and a 1,000-record sync pays it for every record and every nested object in it. A class's rules are fixed
 * once its module has loaded, so the answer is memoised per class and options; any rule added later (a class loaded
 * afterwards, a schema registered) clears the memo, so the answer is always what class-validator itself would give.
 * Installed once per process (idempotent), on the shared storage every validator uses: the HTTP pipe, `validatePayload`
 * and the event contracts.
 */
export function installValidationMetadataCache(): void {
  const storage = getMetadataStorage() as Wrapped;
  if (storage[INSTALLED]) return;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  let memo = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage[GENERATION] = 0;
  const ruleAdded = () => (storage[GENERATION] = (storage[GENERATION] ?? 0) + 1);
  // addValidationSchema adds through this method too.
  storage.addValidationMetadata = (metadata: ValidationMetadata) => {
    memo = new Map();
    ruleAdded();
    add(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    ruleAdded();
    addConstraint(metadata);
  };
  // class-transformer's decorators (@Type, @Transform, @Expose, @Exclude) count as rules too for what is derived from them.
  const transformer = defaultMetadataStorage as TransformerStorage & Record<string, (metadata: unknown) => void>;
  for (const method of ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata']) {
    const original = transformer[method].bind(transformer);
    transformer[method] = (metadata: unknown) => {
      ruleAdded();
      original(metadata);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? '\u0002'}`;
    let metadata = byOptions.get(key);
    if (!metadata) byOptions.set(key, (metadata = lookup(target, schema, always, strictGroups, groups)));
    // A copy: the memo stays intact whatever a caller does with its array.
    return metadata.slice();
  };
  storage[INSTALLED] = true;
}

/**
 * A number that changes whenever a validation or transformation rule is added anywhere in the process: what is derived
 * from the rules (the memo above, the fast path's plans: fast-validation.ts) is valid while it stays the same.
 */
export function validationMetadataGeneration(): number {
  installValidationMetadataCache();
  return (getMetadataStorage() as Wrapped)[GENERATION] ?? 0;
}

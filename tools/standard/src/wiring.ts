import type { EventDefinition } from '@hub/contracts';
import { byText, type Wiring } from './events';

export interface SourceFile {
  /** The app (service) the file belongs to: `apps/<app>/src/...`. */
  app: string;
  path: string;
  text: string;
}

/** `@ConsumeEvent(Definition)` and `@ConsumeEventBatch(Definition)`. */
const CONSUMES = /@ConsumeEvent(?:Batch)?\(\s*([A-Za-z_$][\w$]*)\s*\)/g;
/** `outbox.append(tx, Definition, payload)` and `outbox.prepare(Definition, payload)` (OutboxWriter). */
const PUBLISHES = [/\.append\(\s*[A-Za-z_$][\w$]*\s*,\s*([A-Za-z_$][\w$]*)\s*,/g, /\.prepare\(\s*([A-Za-z_$][\w$]*)\s*,/g];
/** `const PUBLISHED_EVENTS = { type: Definition, … }`: a writer that picks the definition per event (the dossier's). */
const PUBLISHED_MAP = /const\s+PUBLISHED_EVENTS\b[^=]*=\s*\{([^}]*)\}/g;
const IDENTIFIER = /\b([A-Za-z_$][\w$]*)\b/g;

/**
 * Who publishes and who consumes each topic, read from the apps' code so that no list is kept by hand: a service
 * consumes an event when one of its providers has `@ConsumeEvent(Definition)` (or `@ConsumeEventBatch`), and publishes it when it calls
 * `outbox.append(tx, Definition, payload)` or `outbox.prepare(Definition, payload)`, or lists it in a
 * `const PUBLISHED_EVENTS = { … }` map (a writer that picks the definition per event). `exported` maps the names `@hub/contracts` exports to their values.
 * A `@ConsumeEvent` whose argument is not a registered event fails: the document would silently miss a consumer.
 */
export function findWiring(files: readonly SourceFile[], registry: readonly EventDefinition[], exported: Readonly<Record<string, unknown>>): Wiring {
  const producers = new Map<string, Set<string>>();
  const consumers = new Map<string, Set<string>>();
  const definition = (name: string) => registry.find((d) => d === exported[name]);
  const add = (into: Map<string, Set<string>>, topic: string, app: string) => into.set(topic, (into.get(topic) ?? new Set()).add(app));
  for (const file of files) {
    for (const [, name] of file.text.matchAll(CONSUMES)) {
      const def = definition(name);
      if (!def) throw new Error(`${file.path}: @ConsumeEvent(${name}) must name an event of EVENT_REGISTRY exported by @hub/contracts`);
      add(consumers, def.topic, file.app);
    }
    const mapped = [...file.text.matchAll(PUBLISHED_MAP)].flatMap(([, body]) => [...body.matchAll(IDENTIFIER)]);
    for (const [, name] of [...PUBLISHES.flatMap((re) => [...file.text.matchAll(re)]), ...mapped]) {
      const def = definition(name);
      if (def) add(producers, def.topic, file.app);
    }
  }
  return { producers: sorted(producers), consumers: sorted(consumers) };
}

function sorted(map: Map<string, Set<string>>): Record<string, string[]> {
  return Object.fromEntries([...map].sort(byText(([topic]) => topic)).map(([topic, apps]) => [topic, [...apps].sort()]));
}

/** Events no app was found to publish: the standard shows them without a producer, which is worth a look (retired ones excepted). */
export function unpublished(wiring: Wiring, registry: readonly EventDefinition[]): string[] {
  return registry.filter((d) => !d.deprecated && !(wiring.producers[d.topic]?.length > 0)).map((d) => d.topic);
}

/** Retired (deprecated) events some app still publishes or consumes: a retirement that is not finished. */
export function stillWired(wiring: Wiring, registry: readonly EventDefinition[]): string[] {
  return registry
    .filter((d) => d.deprecated)
    .flatMap((d) => [
      ...(wiring.producers[d.topic] ?? []).map((app) => `${d.topic} is deprecated but ${app} still publishes it`),
      ...(wiring.consumers[d.topic] ?? []).map((app) => `${d.topic} is deprecated but ${app} still consumes it`),
    ]);
}

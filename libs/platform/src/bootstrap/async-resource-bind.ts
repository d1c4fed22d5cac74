import { AsyncResource } from 'node:async_hooks';

type Fn = (...args: unknown[]) => unknown;
/** `bind` as Node implements it: `thisArg` is untyped in @types/node but part of its behaviour. */
type Bind = (this: AsyncResource, fn: Fn, thisArg?: unknown) => Fn;

/**
 * Node's own `bind`, recorded on `AsyncResource` under a registered symbol by the first copy of this module to load: the
 * prototype is the process's, shared by every copy of this module (Jest loads one per test file into one process).
 */
const NODE_BIND = Symbol.for('@hub/platform:node-async-resource-bind');
/** Marks the replacement, whichever copy of this module installed it. */
const FAST_BIND = Symbol.for('@hub/platform:fast-async-resource-bind');
type Recorded = typeof AsyncResource & { [NODE_BIND]?: Bind };
if (!(AsyncResource as Recorded)[NODE_BIND]) {
  Object.defineProperty(AsyncResource, NODE_BIND, { value: AsyncResource.prototype.bind });
}
const nodeBind: Bind = (AsyncResource as Recorded)[NODE_BIND] as Bind;
const isFast = (bind: unknown): boolean => (bind as { [FAST_BIND]?: boolean })[FAST_BIND] === true;

/**
 * `AsyncResource#bind` without Node 20's per-call cost. Node 20 gives every bound function an `asyncResource`
 * accessor that is deprecated (DEP0172): each `bind` wraps its getter and setter in `util.deprecate` and defines both
 * with `Object.defineProperties`. Fastify binds one function per request that has a body (its content-type parser,
 * `new AsyncResource(…).bind(onDone)`), so every POST pays for it, in every service: 11–21 µs a call in a
 * micro-benchmark against ~0.05 µs for this one, and more than that under load (`npm run bench -- intake-ab`, 8 pairs
 * against the build without it: CPU per intake, gateway 0.83×, dossier 0.90×, machine 0.90×; docs/performance.md).
 *
 * The bound function runs `fn` in the resource's scope, exactly as Node's does: `resource.runInAsyncScope(fn,
 * thisArg ?? this, ...args)` (the async ids of the resource, and any AsyncLocalStorage store captured when the
 * resource was created). What it leaves out is the deprecated `asyncResource` property, and its `length` is 0.
 */
const fastBind: Bind = function bind(this: AsyncResource, fn: Fn, thisArg?: unknown): Fn {
  if (typeof fn !== 'function') return nodeBind.call(this, fn, thisArg); // Node's own argument error
  return boundTo(this, fn, thisArg);
};

function boundTo(resource: AsyncResource, fn: Fn, thisArg: unknown): Fn {
  if (thisArg !== undefined) return (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
  return function (this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}
Object.defineProperty(fastBind, FAST_BIND, { value: true });

/** Whether this Node's `bind` defines the deprecated `asyncResource` accessor on what it returns (Node 20 does). */
export function nodeBindDefinesDeprecatedAccessor(): boolean {
  const bound = nodeBind.call(new AsyncResource('hub:probe'), () => undefined);
  return Object.getOwnPropertyDescriptor(bound, 'asyncResource')?.get !== undefined;
}

/**
 * Installs `fastBind` as `AsyncResource.prototype.bind` for the process, where Node's own is the costly one. Idempotent;
 * `createServiceApp` calls it before the HTTP server exists. Returns whether `bind` is now the fast one.
 */
export function installFastAsyncResourceBind(): boolean {
  if (isFast(AsyncResource.prototype.bind)) return true;
  if (!nodeBindDefinesDeprecatedAccessor()) return false;
  AsyncResource.prototype.bind = fastBind as unknown as typeof AsyncResource.prototype.bind;
  return true;
}

/** Puts Node's own `bind` back (tests). */
export function restoreNodeAsyncResourceBind(): void {
  AsyncResource.prototype.bind = nodeBind as unknown as typeof AsyncResource.prototype.bind;
}

import { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } from 'node:async_hooks';
import Fastify from 'fastify';
import {
  installFastAsyncResourceBind,
  nodeBindDefinesDeprecatedAccessor,
  restoreNodeAsyncResourceBind,
} from './async-resource-bind';

/** What a bound function saw when called: the async scope, its store, `this`, its arguments. */
interface Seen {
  executionAsyncId: number;
  triggerAsyncId: number;
  store: string | undefined;
  self: unknown;
  args: unknown[];
}

/** Binds through `AsyncResource.prototype.bind` as installed now; calls the result from outside the store's scope. */
function observe(thisArg?: unknown): { seen: Seen; resource: AsyncResource; returned: unknown } {
  const storage = new AsyncLocalStorage<string>();
  let seen: Seen | undefined;
  const { resource, bound } = storage.run('captured', () => {
    const resource = new AsyncResource('test:bind');
    const fn = function (this: unknown, ...args: unknown[]) {
      seen = { executionAsyncId: executionAsyncId(), triggerAsyncId: triggerAsyncId(), store: storage.getStore(), self: this, args };
      return args.length;
    };
    const bindWithThis = resource.bind as (fn: unknown, thisArg: unknown) => (...args: unknown[]) => unknown;
    return { resource, bound: bindWithThis.call(resource, fn, thisArg) };
  });
  const receiver = { name: 'receiver', bound };
  const returned = storage.run('caller', () => receiver.bound(1, 'two'));
  storage.disable();
  if (!seen) throw new Error('the bound function was not called');
  return { seen, resource, returned };
}

describe('installFastAsyncResourceBind', () => {
  // Another test file of this Jest worker may have created a service app, which installs it for the process.
  beforeEach(() => restoreNodeAsyncResourceBind());
  afterEach(() => restoreNodeAsyncResourceBind());

  it('replaces bind where Node defines the deprecated accessor, and only there; twice is the same as once', () => {
    const costly = nodeBindDefinesDeprecatedAccessor();
    const original = AsyncResource.prototype.bind;
    expect(installFastAsyncResourceBind()).toBe(costly);
    expect(AsyncResource.prototype.bind !== original).toBe(costly);
    const installed = AsyncResource.prototype.bind;
    expect(installFastAsyncResourceBind()).toBe(costly);
    expect(AsyncResource.prototype.bind).toBe(installed);
  });

  // A tripwire: after an upgrade of Node this fails, and tells to check whether the replacement is still needed at all.
  it('Node 20, which the hub runs on, is such a Node (so the other tests exercise the replacement)', () => {
    expect(process.versions.node.split('.')[0]).toBe('20');
    expect(nodeBindDefinesDeprecatedAccessor()).toBe(true);
  });

  it.each([
    ['without thisArg: the caller’s this', undefined],
    ['with thisArg', { name: 'bound this' }],
  ])('runs the function as Node’s bind does, %s', (_, thisArg) => {
    const before = observe(thisArg);
    installFastAsyncResourceBind();
    const after = observe(thisArg);

    for (const { seen, resource, returned } of [before, after]) {
      expect(seen.executionAsyncId).toBe(resource.asyncId());
      expect(seen.triggerAsyncId).toBe(resource.triggerAsyncId());
      expect(seen.store).toBe('captured');
      expect(seen.args).toEqual([1, 'two']);
      expect(returned).toBe(2);
    }
    expect((after.seen.self as { name: string }).name).toBe((before.seen.self as { name: string }).name);
    expect((after.seen.self as { name: string }).name).toBe(thisArg ? 'bound this' : 'receiver');
  });

  it('lets what the function throws through, and refuses what is not a function as Node does', () => {
    installFastAsyncResourceBind();
    const resource = new AsyncResource('test:throw');
    const bound = resource.bind(() => {
      throw new RangeError('from inside');
    });
    expect(() => bound()).toThrow(RangeError);
    expect(() => resource.bind('not a function' as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    expect(() => AsyncResource.bind(42 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
  });

  it('the static AsyncResource.bind goes through it too, and its result has no deprecated accessor', () => {
    installFastAsyncResourceBind();
    const bound = AsyncResource.bind(function named(this: unknown) {
      return executionAsyncId();
    });
    expect(Object.getOwnPropertyDescriptor(bound, 'asyncResource')).toBeUndefined();
    expect(bound()).not.toBe(executionAsyncId());
  });

  it('fastify parses and answers a JSON body with it installed (its content-type parser binds per request)', async () => {
    installFastAsyncResourceBind();
    const calls: number[] = [];
    const installed = AsyncResource.prototype.bind;
    AsyncResource.prototype.bind = function (this: AsyncResource, ...args: Parameters<typeof installed>) {
      calls.push(this.asyncId());
      return installed.apply(this, args);
    } as typeof installed;
    const app = Fastify();
    app.post('/echo', async (request) => ({ got: request.body }));
    try {
      const res = await app.inject({ method: 'POST', url: '/echo', payload: { a: [1, 2], b: 'ký tự' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ got: { a: [1, 2], b: 'ký tự' } });
      expect(calls.length).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});

import { ClientChangeListeners, decodeClientChange, encodeClientChange, type ClientChangeListener } from './client-change-listeners';

/** A cache that remembers client ids, as the gateway's caches do. */
class RecordingCache implements ClientChangeListener {
  readonly held = new Set<string>();
  forgetClient(clientId: string): void {
    this.held.delete(clientId);
  }
  forgetAll(): void {
    this.held.clear();
  }
}

const cacheHolding = (...clientIds: string[]) => {
  const cache = new RecordingCache();
  clientIds.forEach((id) => cache.held.add(id));
  return cache;
};

describe('client-change messages', () => {
  it('carry the client id there and back', () => {
    expect(decodeClientChange(encodeClientChange('moj-portal'))).toBe('moj-portal');
  });

  it.each(['', 'not json', 'null', '"moj-portal"', '{}', '{"clientId":42}', '{"clientId":""}', JSON.stringify({ clientId: 'x'.repeat(201) })])(
    'ignore anything that does not name one client: %s',
    (message) => expect(decodeClientChange(message)).toBeUndefined(),
  );
});

describe('ClientChangeListeners', () => {
  it('makes every registered cache forget the named client, and only it', () => {
    const listeners = new ClientChangeListeners();
    const keys = cacheHolding('a', 'b');
    const tokens = cacheHolding('a', 'c');
    listeners.add(keys);
    listeners.add(tokens);

    expect(listeners.receive(encodeClientChange('a'))).toBe('a');
    expect([...keys.held]).toEqual(['b']);
    expect([...tokens.held]).toEqual(['c']);
  });

  it('leaves every cache alone on a malformed message', () => {
    const listeners = new ClientChangeListeners();
    const keys = cacheHolding('a');
    listeners.add(keys);
    expect(listeners.receive('{"client":"a"}')).toBeUndefined();
    expect([...keys.held]).toEqual(['a']);
  });

  it('empties every cache when changes may have been missed', () => {
    const listeners = new ClientChangeListeners();
    const keys = cacheHolding('a', 'b');
    const sessions = cacheHolding('c');
    listeners.add(keys);
    listeners.add(sessions);
    listeners.forgetAll();
    expect(keys.held.size + sessions.held.size).toBe(0);
  });
});

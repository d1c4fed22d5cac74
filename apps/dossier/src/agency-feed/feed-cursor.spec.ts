import { FeedCursorCodec, FEED_START } from './feed-cursor';

describe('FeedCursorCodec', () => {
  const codec = new FeedCursorCodec('a-signing-key-of-at-least-32-characters!');

  it.each([FEED_START, { xid: 1234n, id: 42n }, { xid: 2n ** 63n - 1n, id: 2n ** 62n }])('round-trips %p', (position) => {
    const cursor = codec.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/);
    expect(codec.decode(cursor)).toEqual(position);
  });

  it('refuses a cursor it never issued: edited position, edited tag, another key, garbage', () => {
    const cursor = codec.encode({ xid: 1000n, id: 7n });
    const [body, tag] = cursor.split('.');
    const forged = Buffer.from(body, 'base64url');
    forged[15] ^= 1;
    expect(codec.decode(`${forged.toString('base64url')}.${tag}`)).toBeNull();
    expect(codec.decode(`${body}.${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(new FeedCursorCodec('another-signing-key-of-at-least-32-chars').decode(cursor)).toBeNull();
    for (const junk of ['', '0', 'abc.def', `${cursor}x`, cursor.replace('.', ':'), '42']) expect(codec.decode(junk)).toBeNull();
  });
});

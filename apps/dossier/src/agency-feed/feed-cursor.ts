import { createHmac, timingSafeEqual } from 'node:crypto';

/** A position in the feed: the writing transaction's id and the row id (rows are served in this order). */
export interface FeedPosition {
  xid: bigint;
  id: bigint;
}

export const FEED_START: FeedPosition = { xid: 0n, id: 0n };

const CURSOR = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})$/;

/**
 * Opaque cursors: base64url of the position and a truncated HMAC-SHA256 tag under a key only the hub holds, so a
 * cursor the hub never issued (typed, edited, from another deployment) is refused instead of silently skipping data.
 */
export class FeedCursorCodec {
  private readonly key: Buffer;

  /** `secret`: the service's signing key; a key for cursors alone is derived from it. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('hub/agency-feed/cursor/v1').digest();
  }

  encode(position: FeedPosition): string {
    const raw = Buffer.alloc(16);
    raw.writeBigUInt64BE(position.xid, 0);
    raw.writeBigUInt64BE(position.id, 8);
    const body = raw.toString('base64url');
    return `${body}.${this.tag(body)}`;
  }

  /** The position, or null when the text is not a cursor this hub issued. */
  decode(cursor: string): FeedPosition | null {
    const match = CURSOR.exec(cursor);
    if (!match) return null;
    const expected = Buffer.from(this.tag(match[1]));
    const given = Buffer.from(match[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const raw = Buffer.from(match[1], 'base64url');
    if (raw.length !== 16) return null;
    return { xid: raw.readBigUInt64BE(0), id: raw.readBigUInt64BE(8) };
  }

  private tag(body: string): string {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 12).toString('base64url');
  }
}

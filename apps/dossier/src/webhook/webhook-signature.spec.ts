import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_0123456789abcdef';
  const body = '{"deliveryId":"x","item":{"type":"dossier.submitted"}}';

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">, computed independently', () => {
    const header = signWebhook(secret, body, 1_767_225_600);
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(header).toBe(`t=1767225600,v1=${expected}`);
  });

  it('verifies only the same secret, body and a recent time', () => {
    const header = signWebhook(secret, body, 1_000_000);
    expect(verifyWebhook(secret, body, header, 1_000_100)).toBe(true);
    expect(verifyWebhook('another-secret-0000', body, header, 1_000_100)).toBe(false);
    expect(verifyWebhook(secret, `${body} `, header, 1_000_100)).toBe(false);
    expect(verifyWebhook(secret, body, header, 1_000_301)).toBe(false);
    expect(verifyWebhook(secret, body, header.replace('t=1000000', 't=1000001'), 1_000_100)).toBe(false);
    expect(verifyWebhook(secret, body, 'v1=abc', 1_000_100)).toBe(false);
  });
});

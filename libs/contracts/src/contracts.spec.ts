import { getMetadataStorage } from 'class-validator';
import { decodePayload, definePacket, EVENT_REGISTRY, EventEnvelopeV1, EventHeaders, formatDossierCode, isAgencyCode, isProcedureCode, DossierSubmitted } from './index';

describe('event contracts', () => {
  it.each(EVENT_REGISTRY.map((d) => [d.topic, d] as const))('%s round-trips its example through JSON', (_topic, def) => {
    const wire = JSON.parse(JSON.stringify(def.example));
    const decoded = decodePayload(def, wire);
    if (!decoded.ok) throw new Error(`${def.topic} example does not decode: ${JSON.stringify(decoded.violations)}`);
    expect(decoded.value).toBeInstanceOf(def.payload);
    expect(JSON.parse(JSON.stringify(decoded.value))).toEqual(wire);
    // The key is taken from the decoded payload, as a consumer sees it, and names the aggregate.
    const key = def.keyOf(decoded.value);
    expect(key).toMatch(/\S/);
    for (const part of key.split('/')) expect(Object.values(wire).map(String)).toContain(part);
  });

  it('has unique topics, each versioned in its name', () => {
    const topics = EVENT_REGISTRY.map((d) => d.topic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const d of EVENT_REGISTRY) expect(d.topic).toBe(`${d.type}.v${d.version}`);
  });

  it('rejects wrong types and non-objects with field paths', () => {
    const bad = { ...DossierSubmitted.example, status: 4, procedureVersion: 'one' };
    const decoded = decodePayload(DossierSubmitted, bad);
    expect(decoded.ok ? [] : decoded.violations.map((v) => v.field).sort()).toEqual(['procedureVersion', 'procedureVersion', 'status']);
    expect(decodePayload(DossierSubmitted, [1, 2])).toEqual({ ok: false, violations: [{ field: '', message: 'payload must be a JSON object' }] });
    expect(decodePayload(DossierSubmitted, null).ok).toBe(false);
  });
});

it('answers a violation, not a TypeError, for an object with a "constructor" field where class-transformer reads one', () => {
  const decoded = decodePayload(DossierSubmitted, { ...DossierSubmitted.example, addedLater: { constructor: 'x' } });
  expect(decoded).toEqual({ ok: false, violations: [{ field: '', message: expect.stringContaining('"constructor"') }] });
});

it('drops fields a newer producer added (tolerant reader)', () => {
  const decoded = decodePayload(DossierSubmitted, { ...DossierSubmitted.example, addedLater: 'x' });
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.violations));
  expect(decoded.value).not.toHaveProperty('addedLater');
  expect(decoded.value).toMatchObject({ dossierCode: DossierSubmitted.example.dossierCode });
});

describe('codes', () => {
  it.each(['000.00.15.H31', '000.00.00.G01', 'H55.242'])('accepts agency code %s', (c) => expect(isAgencyCode(c)).toBe(true));
  it.each(['', '00.00.15.H31', '000.00.15.h31', 'H55', '000.00.15.H31 ', 'X'])('rejects agency code %j', (c) => expect(isAgencyCode(c)).toBe(false));
  it.each(['1.001234', '2.000815.000.00.00.H55', '2.000815.H55.242'])('accepts procedure code %s', (c) => expect(isProcedureCode(c)).toBe(true));
  it.each(['1.00123', '12.001234', '1.001234.', 'a.001234'])('rejects procedure code %j', (c) => expect(isProcedureCode(c)).toBe(false));
  it('formats dossier codes per Circular 01/2018', () => {
    expect(formatDossierCode('000.00.15.H31', { year: 2026, month: 1, day: 12 }, 1)).toBe('000.00.15.H31-260112-0001');
    expect(formatDossierCode('H55.242', { year: 2026, month: 11, day: 3 }, 12345)).toBe('H55.242-261103-12345');
  });
});

describe('published envelope and packets', () => {
  it('describes exactly the headers producers write', () => {
    const described = new Set(getMetadataStorage().getTargetValidationMetadatas(EventEnvelopeV1, '', true, false).map((m) => m.propertyName));
    expect([...described].sort()).toEqual(Object.values(EventHeaders).sort());
  });

  it('names packets with their version', () => {
    class P {}
    expect(definePacket({ name: 'agency-feed.item.v2', kind: 'feed-item', payload: P, summary: 's', example: {} }).version).toBe(2);
    expect(() => definePacket({ name: 'AgencyFeedItem', kind: 'feed-item', payload: P, summary: 's', example: {} })).toThrow('must be lower-case dotted words');
  });
});

import { Parser } from '@asyncapi/parser';
import { decodePayload, definePacket, EVENT_REGISTRY, type EventDefinition } from '@hub/contracts';
import { PublishedStandard } from '@hub/testing';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { exampleHeaders } from './events';
import { buildStandard, paths, serialize, type StandardInput } from './standard';

const wiring = { producers: { 'dossier.submitted.v1': ['dossier'] }, consumers: { 'dossier.submitted.v1': ['payment', 'rating'] } };
const input: StandardInput = { events: EVENT_REGISTRY, packets: [], wiring };
const text = (files: Map<string, unknown>) => [...files].map(([path, value]) => `${path}\n${serialize(value)}`).join('\n');

class WebhookItemFixture {
  @IsString() @MaxLength(100) dossierCode!: string;
  @IsIn(['dossier.submitted']) type!: string;
}
const webhook = definePacket({ name: 'agency-webhook.delivery.v1', kind: 'webhook-body', payload: WebhookItemFixture, summary: 'A fixture.', example: { dossierCode: 'x', type: 'dossier.submitted' } });

async function parseErrors(document: unknown): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
}

describe('the published standard', () => {
  const files = buildStandard(input);
  const standard = new PublishedStandard(files);

  it('is generated deterministically, whatever the order of the registries', () => {
    expect(text(buildStandard(input))).toBe(text(files));
    expect(text(buildStandard({ ...input, events: [...EVENT_REGISTRY].reverse() }))).toBe(text(files));
  });

  it('publishes a payload and a headers schema per registered event, and an AsyncAPI 3.0 document that parses with no error', async () => {
    for (const def of EVENT_REGISTRY) {
      expect(files.has(paths.payload(def))).toBe(true);
      expect(files.has(paths.headers(def))).toBe(true);
    }
    const asyncapi = files.get('asyncapi.json') as { asyncapi: string; channels: object; operations: object };
    expect(asyncapi.asyncapi).toBe('3.0.0');
    expect(Object.keys(asyncapi.channels).sort()).toEqual(EVENT_REGISTRY.map((d) => d.topic).sort());
    expect(Object.keys(asyncapi.operations).sort()).toEqual(['dossier.send.dossier.submitted.v1', 'payment.receive.dossier.submitted.v1', 'rating.receive.dossier.submitted.v1']);
    expect(await parseErrors(asyncapi)).toEqual([]);
  });

  it('keeps publishing a retired event, marked deprecated with its replacement, in the index, its schemas and its channel', () => {
    const index = files.get('index.json') as { events: Array<Record<string, unknown>> };
    const entry = (topic: string) => index.events.find((e) => e.topic === topic);
    expect(entry('dossier.submitted.v1')).toMatchObject({ deprecated: true, replacedBy: 'dossier.received.v1', deprecationNote: expect.stringContaining('Retired') });
    expect(entry('dossier.received.v1')).not.toHaveProperty('deprecated');
    const submitted = EVENT_REGISTRY.find((d) => d.topic === 'dossier.submitted.v1')!;
    for (const path of [paths.payload(submitted), paths.headers(submitted)]) {
      expect(files.get(path)).toMatchObject({ deprecated: true, description: expect.stringMatching(/^Deprecated: replaced by dossier\.received\.v1\./) });
    }
    const received = EVENT_REGISTRY.find((d) => d.topic === 'dossier.received.v1')!;
    expect(files.get(paths.payload(received))).not.toHaveProperty('deprecated');
    const asyncapi = files.get('asyncapi.json') as { channels: Record<string, { description: string }> };
    expect(asyncapi.channels['dossier.submitted.v1'].description).toMatch(/^Deprecated: replaced by dossier\.received\.v1\./);
  });

  it('publishes a registered webhook body as a schema and as the webhook channel of the AsyncAPI document', async () => {
    const withWebhook = buildStandard({ ...input, packets: [webhook] });
    expect(withWebhook.get(paths.packet(webhook))).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: webhook.name });
    const asyncapi = withWebhook.get('asyncapi.json') as { channels: Record<string, unknown>; servers: Record<string, unknown> };
    expect(asyncapi.channels['agency-webhook']).toMatchObject({ messages: { [webhook.name]: expect.anything() } });
    expect(asyncapi.servers['agency-system']).toMatchObject({ protocol: 'https' });
    expect(await parseErrors(asyncapi)).toEqual([]);
    expect(new PublishedStandard(withWebhook).check(paths.packet(webhook), { dossierCode: 'x', type: 'dossier.withdrawn' })).toEqual([expect.stringContaining('must be equal to one of the allowed values')]);
  });

  describe.each(EVENT_REGISTRY.map((d) => [d.topic, d] as const))('%s', (_topic, def: EventDefinition) => {
    const check = (value: unknown) => standard.check(paths.payload(def), value);
    const contract = (value: unknown) => decodePayload(def, value).ok;

    it('accepts its example and example headers', () => {
      expect(standard.check(paths.payload(def), JSON.parse(JSON.stringify(def.example)), { strict: true })).toEqual([]);
      expect(standard.check(paths.headers(def), exampleHeaders(def), { strict: true })).toEqual([]);
      expect(standard.check(paths.headers(def), { ...exampleHeaders(def), 'event-version': '99' })).not.toEqual([]);
    });

    it('agrees with the contract on what is missing or mistyped, at every depth of the example', () => {
      for (const { path, value } of variants(JSON.parse(JSON.stringify(def.example)))) {
        expect([path, check(value).length === 0]).toEqual([path, contract(value)]);
      }
    });
  });
});

/** The example with one property removed or given a wrong value, for every property at every depth. */
function variants(example: Record<string, unknown>): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  const visit = (node: unknown, path: string, replace: (v: unknown) => unknown): void => {
    if (Array.isArray(node)) {
      if (node.length > 0) visit(node[0], `${path}[0]`, (v) => replace([v, ...node.slice(1)]));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const { [key]: _removed, ...without } = obj;
      out.push({ path: `${path}.${key} removed`, value: replace(without) });
      for (const wrong of [{ nested: true }, 'not-a-value \u0000', -1.5, ['x'], null]) out.push({ path: `${path}.${key} = ${JSON.stringify(wrong)}`, value: replace({ ...obj, [key]: wrong }) });
      visit(obj[key], `${path}.${key}`, (v) => replace({ ...obj, [key]: v }));
    }
  };
  visit(example, '', (v) => v);
  return out;
}

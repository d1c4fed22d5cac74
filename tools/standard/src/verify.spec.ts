import { DossierSubmitted, EVENT_REGISTRY } from '@hub/contracts';
import { buildStandard, paths, serialize } from './standard';
import { describeIncompatible, verify } from './verify';

const wiring = { producers: {}, consumers: {} };
const generated = buildStandard({ events: EVENT_REGISTRY, packets: [], wiring });
const committedText = () => new Map([...generated].map(([path, value]) => [path, serialize(value)]));
const payload = paths.payload(DossierSubmitted);

describe('verify (npm run standard:check)', () => {
  it('passes when docs/standard is exactly what the code generates', () => {
    expect(verify(generated, committedText(), [{ label: 'docs/standard', files: generated }])).toEqual({ incompatible: [], stale: [] });
  });

  it('lists stale files: missing, rewritten (even by formatting alone) and left over', () => {
    const committed = committedText();
    committed.delete('index.json');
    committed.set('asyncapi.json', JSON.stringify(generated.get('asyncapi.json')));
    committed.set('schemas/events/gone.v1.payload.json', '{}\n');
    expect(verify(generated, committed, []).stale.sort()).toEqual(['differs  asyncapi.json', 'extra    schemas/events/gone.v1.payload.json', 'missing  index.json']);
  });

  it('checks every baseline, so a branch that regenerated its docs is still compared with the merge base', () => {
    const edited = structuredClone(generated.get(payload)) as { $defs: { DossierSubmittedV1: { properties: Record<string, unknown> } } };
    edited.$defs.DossierSubmittedV1.properties.procedureVersion = { type: 'string' };
    const mergeBase = new Map(generated).set(payload, edited);
    const verdict = verify(generated, committedText(), [
      { label: 'docs/standard', files: generated },
      { label: 'docs/standard at abc123', files: mergeBase },
    ]);
    expect(verdict.incompatible).toEqual([
      { file: payload, path: 'procedureVersion', kind: 'type-changed', detail: 'type "string" → "integer"', baseline: 'docs/standard at abc123' },
      { file: payload, path: 'procedureVersion', kind: 'constraint-changed', detail: 'minimum (none) → 1', baseline: 'docs/standard at abc123' },
    ]);
    expect(describeIncompatible(verdict.incompatible)).toContain(`${payload} procedureVersion: type-changed: type "string" → "integer"  [vs docs/standard at abc123]`);
  });
});

import { DossierSubmitted, EVENT_REGISTRY, ProcedurePublished } from '@hub/contracts';
import { findWiring, stillWired, unpublished } from './wiring';

const exported = { DossierSubmitted, ProcedurePublished, NotAnEvent: { topic: 'x' } };

describe('findWiring', () => {
  it('finds producers from outbox appends and consumers from @ConsumeEvent, per app, sorted', () => {
    const wiring = findWiring(
      [
        { app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(DossierSubmitted)\n async on() {}' },
        { app: 'payment', path: 'apps/payment/src/b.ts', text: '@ConsumeEvent( DossierSubmitted )\n@ConsumeEvent(ProcedurePublished)' },
        { app: 'rating', path: 'apps/rating/src/e.ts', text: '@ConsumeEventBatch(ProcedurePublished)\n async chunk() {}' },
        { app: 'dossier', path: 'apps/dossier/src/c.ts', text: 'const e = this.outbox.prepare(DossierSubmitted, {\n code });\n list.append(x, NotAnEvent, 1);' },
        { app: 'catalogue', path: 'apps/catalogue/src/d.ts', text: 'await this.outbox.append(tx, ProcedurePublished, snapshot);' },
        { app: 'payment', path: 'apps/payment/src/f.ts', text: "const PUBLISHED_EVENTS: { [K in E['type']]: EventDefinition<X> } = {\n  published: ProcedurePublished,\n  'other-name': NotAnEvent,\n};" },
      ],
      EVENT_REGISTRY,
      exported,
    );
    expect(wiring).toEqual({
      producers: { 'catalogue.procedure.published.v1': ['catalogue', 'payment'], 'dossier.submitted.v1': ['dossier'] },
      consumers: { 'catalogue.procedure.published.v1': ['payment', 'rating'], 'dossier.submitted.v1': ['payment', 'rating'] },
    });
  });

  it('names the registered events no app publishes', () => {
    const wiring = { producers: { 'dossier.submitted.v1': ['dossier'] }, consumers: {} };
    expect(unpublished(wiring, EVENT_REGISTRY)).toEqual(EVENT_REGISTRY.map((d) => d.topic).filter((t) => t !== 'dossier.submitted.v1'));
  });

  it('does not count a retired (deprecated) event as unpublished, and names any app still wired to one', () => {
    const retired = EVENT_REGISTRY.filter((d) => d.deprecated).map((d) => d.topic);
    expect(retired).toEqual(['dossier.submitted.v1']);
    expect(unpublished({ producers: {}, consumers: {} }, EVENT_REGISTRY)).not.toContain('dossier.submitted.v1');
    expect(stillWired({ producers: {}, consumers: {} }, EVENT_REGISTRY)).toEqual([]);
    expect(stillWired({ producers: { 'dossier.submitted.v1': ['dossier'] }, consumers: { 'dossier.submitted.v1': ['rating'], 'dossier.received.v1': ['rating'] } }, EVENT_REGISTRY)).toEqual([
      'dossier.submitted.v1 is deprecated but dossier still publishes it',
      'dossier.submitted.v1 is deprecated but rating still consumes it',
    ]);
  });

  it('refuses a consumer of something that is not a registered event', () => {
    expect(() => findWiring([{ app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(NotAnEvent)' }], EVENT_REGISTRY, exported)).toThrow(
      'apps/rating/src/a.ts: @ConsumeEvent(NotAnEvent) must name an event of EVENT_REGISTRY',
    );
  });
});

import { DossierSubmitted, EVENT_REGISTRY, ProcedurePublished } from '@hub/contracts';
import { findWiring, unpublished } from './wiring';

const exported = { DossierSubmitted, ProcedurePublished, NotAnEvent: { topic: 'x' } };

describe('findWiring', () => {
  it('finds producers from outbox appends and consumers from @ConsumeEvent, per app, sorted', () => {
    const wiring = findWiring(
      [
        { app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(DossierSubmitted)\n async on() {}' },
        { app: 'payment', path: 'apps/payment/src/b.ts', text: '@ConsumeEvent( DossierSubmitted )\n@ConsumeEvent(ProcedurePublished)' },
        { app: 'dossier', path: 'apps/dossier/src/c.ts', text: 'const e = this.outbox.prepare(DossierSubmitted, {\n code });\n list.append(x, NotAnEvent, 1);' },
        { app: 'catalogue', path: 'apps/catalogue/src/d.ts', text: 'await this.outbox.append(tx, ProcedurePublished, snapshot);' },
      ],
      EVENT_REGISTRY,
      exported,
    );
    expect(wiring).toEqual({
      producers: { 'catalogue.procedure.published.v1': ['catalogue'], 'dossier.submitted.v1': ['dossier'] },
      consumers: { 'catalogue.procedure.published.v1': ['payment'], 'dossier.submitted.v1': ['payment', 'rating'] },
    });
  });

  it('names the registered events no app publishes', () => {
    const wiring = { producers: { 'dossier.submitted.v1': ['dossier'] }, consumers: {} };
    expect(unpublished(wiring, EVENT_REGISTRY)).toEqual(EVENT_REGISTRY.map((d) => d.topic).filter((t) => t !== 'dossier.submitted.v1'));
  });

  it('refuses a consumer of something that is not a registered event', () => {
    expect(() => findWiring([{ app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(NotAnEvent)' }], EVENT_REGISTRY, exported)).toThrow(
      'apps/rating/src/a.ts: @ConsumeEvent(NotAnEvent) must name an event of EVENT_REGISTRY',
    );
  });
});

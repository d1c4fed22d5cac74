import { DossierSubmitted, EVENT_REGISTRY, ProcedurePublished } from '@hub/contracts';
import { findWiring } from './wiring';

const exported = { DossierSubmitted, ProcedurePublished, NotAnEvent: { topic: 'x' } };

describe('findWiring', () => {
  it('finds producers from outbox appends and consumers from @ConsumeEvent, per app, sorted', () => {
    const wiring = findWiring(
      [
        { app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(DossierSubmitted)\n async on() {}' },
        { app: 'payment', path: 'apps/payment/src/b.ts', text: '@ConsumeEvent( DossierSubmitted )\n@ConsumeEvent(ProcedurePublished)' },
        { app: 'dossier', path: 'apps/dossier/src/c.ts', text: 'await this.outbox.append(tx, DossierSubmitted, {\n code });\n list.append(x, NotAnEvent, 1);' },
      ],
      EVENT_REGISTRY,
      exported,
    );
    expect(wiring).toEqual({
      producers: { 'dossier.submitted.v1': ['dossier'] },
      consumers: { 'catalogue.procedure.published.v1': ['payment'], 'dossier.submitted.v1': ['payment', 'rating'] },
    });
  });

  it('refuses a consumer of something that is not a registered event', () => {
    expect(() => findWiring([{ app: 'rating', path: 'apps/rating/src/a.ts', text: '@ConsumeEvent(NotAnEvent)' }], EVENT_REGISTRY, exported)).toThrow(
      'apps/rating/src/a.ts: @ConsumeEvent(NotAnEvent) must name an event of EVENT_REGISTRY',
    );
  });
});

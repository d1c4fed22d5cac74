import { expectStillAnswering, FUZZ_TIMEOUT_MS, fuzzRequestHeads, fuzzRoutes, hostileInputTarget, startServiceUnderTest, type ServiceUnderTest } from '@hub/testing';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';

describe('dossier under hostile input (property-based; FUZZ_RUNS for a long run)', () => {
  let service: ServiceUnderTest<DossierConfig>;
  let target: Awaited<ReturnType<typeof hostileInputTarget>>;

  beforeAll(async () => {
    service = await startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot });
    // The procedure read model is filled from the catalogue's topics, whatever the requests do.
    target = await hostileInputTarget(service, { writtenByConsumers: ['procedure_version', 'procedure_withdrawal', 'inbox'] });
  });

  afterAll(async () => {
    await target?.close();
    await service?.close();
  });

  it('answers hostile bodies, headers, paths and queries at every route with a problem, never a 5xx, and stores nothing it refuses', () => fuzzRoutes(target), FUZZ_TIMEOUT_MS);

  it('answers hostile request heads on the socket with problems', () => fuzzRequestHeads(target), FUZZ_TIMEOUT_MS);

  it('still answers afterwards', () => expectStillAnswering(target));
});

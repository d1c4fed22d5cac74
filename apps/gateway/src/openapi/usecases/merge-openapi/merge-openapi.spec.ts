import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi';

const doc = (paths: Record<string, object>, schemas: Record<string, object> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'Hub', description: 'API', version: '1' },
  paths,
  components: { schemas },
});

describe('mergeOpenApi', () => {
  it('adds each service’s /v1 paths and schemas, but not its health and metrics', () => {
    const merged = mergeOpenApi(doc({ '/v1/admin/api-clients': {} }, { Problem: {} }), {
      dossier: doc({ '/v1/dossiers': { post: {} }, '/health/ready': {}, '/metrics': {} }, { SubmitDossierCommand: {} }),
      payment: doc({ '/v1/payments': { get: {} } }),
    });
    expect(Object.keys(merged.paths).sort()).toEqual(['/v1/admin/api-clients', '/v1/dossiers', '/v1/payments']);
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual(['Problem', 'SubmitDossierCommand']);
  });

  it('says which services are missing instead of failing', () => {
    const merged = mergeOpenApi(doc({}), { rating: undefined });
    expect(merged.info.description).toContain('rating');
  });
});

import { buildOpenApiDocument } from '@hub/platform';
import { startCatalogue, type Catalogue } from './catalogue-test-kit';

describe('OpenAPI document of the catalogue', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await startCatalogue();
  });
  afterAll(() => catalogue?.close());

  it('documents every route, including the import, with problem responses', () => {
    const document = buildOpenApiDocument(catalogue.app, { title: 'catalogue', description: 'test', version: '1' });
    const paths = Object.keys(document.paths).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/agencies',
        '/v1/agencies/{code}',
        '/v1/agencies/{code}/subtree',
        '/v1/agencies/{code}/ancestors',
        '/v1/sectors',
        '/v1/procedures',
        '/v1/procedures/{code}',
        '/v1/procedures/{code}/publish',
        '/v1/procedures/{code}/versions',
        '/v1/procedures/{code}/withdraw',
        '/v1/calendars/due-date',
        '/v1/calendars/{scope}/{year}',
        '/v1/agency-systems/{agencyCode}/status-mappings',
      ]),
    );
    expect(paths.filter((p) => p.includes('import'))).toEqual(['/v1/procedures:import']);
    expect(document.paths['/v1/procedures'].post?.responses.default).toBeDefined();
  });
});

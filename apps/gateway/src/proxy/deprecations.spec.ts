import { deprecationHeaders, deprecationsFor, markDeprecations, type Deprecation } from './deprecations';

const RETIRED: Deprecation = { method: 'GET', path: '/v1/ratings/eligibility/{dossierCode}', since: '2026-03-01', sunset: '2026-09-01', link: 'https://hub.example/docs/migrate-eligibility' };
const QUERY: Deprecation = {
  method: 'GET',
  path: '/v1/dossiers',
  field: { in: 'query', name: 'receivingAgency' },
  since: '2026-02-01',
  sunset: '2026-12-31',
  link: 'https://hub.example/docs/receivingAgencyCode',
};
const RESPONSE: Deprecation = { ...QUERY, path: '/v1/dossiers/{code}', field: { in: 'response', name: 'appointmentAt' }, since: '2026-04-01', sunset: '2026-10-01' };
const TABLE = [RETIRED, QUERY, RESPONSE];

describe('deprecations', () => {
  it('finds the operation by method and path template, and a query field only when the request uses it', () => {
    expect(deprecationsFor('GET', '/v1/ratings/eligibility/000.00.15.H31-260112-0001', TABLE)).toEqual([RETIRED]);
    expect(deprecationsFor('POST', '/v1/ratings/eligibility/x', TABLE)).toEqual([]);
    expect(deprecationsFor('GET', '/v1/ratings/eligibility/x/more', TABLE)).toEqual([]);
    expect(deprecationsFor('GET', '/v1/dossiers?receivingAgency=000.00.15.H31', TABLE)).toEqual([QUERY]);
    expect(deprecationsFor('GET', '/v1/dossiers?receivingAgencyCode=000.00.15.H31', TABLE)).toEqual([]);
    expect(deprecationsFor('GET', '/v1/dossiers/abc', TABLE)).toEqual([RESPONSE]);
    expect(deprecationsFor('GET', '/v1/dossiers/abc', [])).toEqual([]);
  });

  it('answers RFC 9745 Deprecation, RFC 8594 Sunset and the Link notes; the earliest dates win', () => {
    expect(deprecationHeaders([])).toEqual({});
    expect(deprecationHeaders([RETIRED])).toEqual({
      deprecation: `@${Date.parse('2026-03-01') / 1000}`,
      sunset: 'Tue, 01 Sep 2026 00:00:00 GMT',
      link: '<https://hub.example/docs/migrate-eligibility>; rel="deprecation", <https://hub.example/docs/migrate-eligibility>; rel="sunset"',
    });
    const both = deprecationHeaders([QUERY, RESPONSE]);
    expect(both.deprecation).toBe(`@${Date.parse('2026-02-01') / 1000}`);
    expect(both.sunset).toBe('Thu, 01 Oct 2026 00:00:00 GMT');
    expect(both.link.match(/rel="deprecation"/g)).toHaveLength(1);
  });

  it('marks operations, query parameters and response fields in the document', () => {
    const paths: Record<string, Record<string, any>> = {
      '/v1/ratings/eligibility/{dossierCode}': { get: { operationId: 'eligibility' } },
      '/v1/dossiers': { get: { parameters: [{ name: 'receivingAgency', in: 'query' }, { name: 'status', in: 'query' }] } },
      '/v1/dossiers/{code}': { get: {} },
    };
    markDeprecations(paths, TABLE);
    expect(paths['/v1/ratings/eligibility/{dossierCode}'].get).toMatchObject({ deprecated: true, 'x-sunset': '2026-09-01' });
    expect(paths['/v1/dossiers'].get.deprecated).toBeUndefined();
    expect(paths['/v1/dossiers'].get.parameters).toEqual([expect.objectContaining({ name: 'receivingAgency', deprecated: true }), { name: 'status', in: 'query' }]);
    expect(paths['/v1/dossiers/{code}'].get['x-deprecated-fields']).toEqual([expect.objectContaining({ in: 'response', name: 'appointmentAt', sunset: '2026-10-01' })]);
  });
});

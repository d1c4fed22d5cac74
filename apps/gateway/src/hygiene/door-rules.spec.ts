import { contentSecurityPolicyFor, corsHeaders, hasPathTricks, isSpoofableHeader } from './door-rules';

describe('door rules', () => {
  it('names the headers only the hub may set', () => {
    expect(['x-hub-identity', 'x-forwarded-for', 'x-forwarded-host', 'forwarded', 'x-real-ip'].every(isSpoofableHeader)).toBe(true);
    expect(['x-api-key', 'authorization', 'idempotency-key', 'x-correlation-id'].some(isSpoofableHeader)).toBe(false);
  });

  it.each(['/v1/dossiers/a%2Fb', '/v1/dossiers/a%2fb', '/v1/dossiers/%2e%2e/x', '/v1/dossiers/../x', '/v1/dossiers/./x', '/v1/dossiers/a%5Cb', '/v1/dossiers/..'])('%s has path tricks', (url) =>
    expect(hasPathTricks(url)).toBe(true),
  );

  it.each(['/v1/dossiers/000.00.15.H31-260112-0001', '/v1/procedures:import', '/v1/procedures?q=a%2Fb', '/v1/dossiers/a..b'])('%s is plain', (url) => expect(hasPathTricks(url)).toBe(false));

  it('answers CORS only for configured origins', () => {
    expect(corsHeaders('https://evil.example', ['https://portal.gov.vn'], true)).toBeUndefined();
    expect(corsHeaders(undefined, ['https://portal.gov.vn'], false)).toBeUndefined();
    expect(corsHeaders('https://portal.gov.vn', ['https://portal.gov.vn'], false)).toMatchObject({ 'access-control-allow-origin': 'https://portal.gov.vn', vary: 'origin' });
    expect(corsHeaders('https://portal.gov.vn', ['https://portal.gov.vn'], false)!['access-control-allow-methods']).toBeUndefined();
    expect(corsHeaders('https://portal.gov.vn', ['https://portal.gov.vn'], true)!['access-control-allow-headers']).toContain('idempotency-key');
  });

  it('lets only Swagger UI load scripts', () => {
    expect(contentSecurityPolicyFor('/v1/dossiers')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(contentSecurityPolicyFor('/docs/swagger-ui.css')).toContain("default-src 'self'");
  });
});

import { longPollAllowanceMs, routeFor } from './upstream-routes';

describe('routeFor', () => {
  it.each([
    ['/v1/procedures', 'catalogue'],
    ['/v1/procedures:import', 'catalogue'],
    ['/v1/procedures/1.001234/publish', 'catalogue'],
    ['/v1/agencies?level=PROVINCE', 'catalogue'],
    ['/v1/dossiers', 'dossier'],
    ['/v1/dossiers/000.00.15.H31-260112-0001', 'dossier'],
    ['/v1/payments?dossierCode=x', 'payment'],
    ['/v1/ratings/eligibility/x', 'rating'],
  ])('%s → %s', (url, upstream) => expect(routeFor(url)?.upstream).toBe(upstream));

  it.each(['/v1/dossiersX', '/v1/admin/api-clients', '/v2/dossiers', '/dossiers', '/v1/', '/v1/../internal'])('%s is not forwarded', (url) =>
    expect(routeFor(url)).toBeUndefined(),
  );
});

describe('agency feed and webhooks', () => {
  it.each([
    ['/v1/agency-feed?after=x&wait=5', 'dossier'],
    ['/v1/agency-webhooks/000.00.15.H31', 'dossier'],
    ['/v1/agency-webhooks/000.00.15.H31/deliveries:replay', 'dossier'],
  ])('%s → %s', (url, upstream) => expect(routeFor(url)?.upstream).toBe(upstream));

  it.each([
    ['GET', '/v1/agency-feed?wait=12', 12_000],
    ['GET', '/v1/agency-feed?limit=5&wait=300', 30_000],
    ['GET', '/v1/agency-feed?wait=abc', 0],
    ['GET', '/v1/agency-feed', 0],
    ['POST', '/v1/agency-feed?wait=5', 0],
    ['GET', '/v1/dossiers?wait=5', 0],
    ['GET', '/v1/agency-feedX?wait=5', 0],
  ])('%s %s holds the upstream %d ms longer', (method, url, ms) => expect(longPollAllowanceMs(method, url)).toBe(ms));
});

describe('payment routes', () => {
  it('sends provider callbacks (any method, no key) and reconciliations (with a key) to the payment service', () => {
    expect(routeFor('/v1/payment-callbacks/sandbox')).toMatchObject({ upstream: 'payment', publicWrite: true });
    expect(routeFor('/v1/reconciliations')).toMatchObject({ upstream: 'payment', publicRead: false });
    expect(routeFor('/v1/reconciliations')?.publicWrite).toBeUndefined();
  });
});

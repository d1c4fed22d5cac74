export type UpstreamName = 'catalogue' | 'dossier' | 'payment' | 'rating';

interface UpstreamRoute {
  upstream: UpstreamName;
  /** First path segment after /v1/ (a `:` custom method such as `procedures:import` counts as its segment). */
  resources: readonly string[];
  /** GETs anyone may make without a key (the public catalogue). */
  publicRead: boolean;
  /** Every method without a key: payment providers' callbacks, authenticated by their own checksum. */
  publicWrite?: boolean;
}

export const UPSTREAM_ROUTES: readonly UpstreamRoute[] = [
  { upstream: 'catalogue', resources: ['agencies', 'sectors', 'procedures', 'calendars', 'agency-systems'], publicRead: true },
  { upstream: 'dossier', resources: ['dossiers'], publicRead: false },
  // The audit trail of personal-data reads (role audit:read), kept by the service that owns the data.
  { upstream: 'dossier', resources: ['personal-data-reads'], publicRead: false },
  // The public dossier lookup (`/v1/public/dossiers/{code}?lookupKey=`): no API key, no personal data.
  { upstream: 'dossier', resources: ['public'], publicRead: true },
  { upstream: 'payment', resources: ['payments'], publicRead: false },
  { upstream: 'rating', resources: ['ratings'], publicRead: false },
  // The service-quality index and its ranking are public; changing targets needs an operator key.
  { upstream: 'rating', resources: ['service-index'], publicRead: true },
  // Agency systems: the feed of changes for their agencies (long polling) and their webhooks.
  { upstream: 'dossier', resources: ['agency-feed', 'agency-webhooks'], publicRead: false },
  // Payment providers' result callbacks: no API key, the payment service checks each message's checksum.
  { upstream: 'payment', resources: ['payment-callbacks'], publicRead: false, publicWrite: true },
  { upstream: 'payment', resources: ['reconciliations'], publicRead: false },
];

/** The catch-all route of the proxy controller: whatever the gateway does not serve itself. */
export const PROXY_PATH = 'v1/*';

/** Bulk endpoints whose bodies may exceed the normal limit, up to the large-body limit. */
const LARGE_BODY_PATHS = ['/v1/procedures:import', '/v1/dossiers:sync', '/v1/dossiers:record-steps', '/dvcqg/integration', '/dvcqg/share'];

export function acceptsLargeBody(url: string): boolean {
  return LARGE_BODY_PATHS.includes(url.split('?')[0]);
}

/** Which service serves a `/v1/...` URL, or undefined if none does. */
export function routeFor(url: string): UpstreamRoute | undefined {
  const match = /^\/v1\/([a-z-]+)(?=[/:?]|$)/.exec(url);
  return match ? UPSTREAM_ROUTES.find((r) => r.resources.includes(match[1])) : undefined;
}

/** Longest `wait` of a long poll (`GET /v1/agency-feed?wait=`), in seconds. */
export const MAX_LONG_POLL_SECONDS = 30;

/** Extra time a long poll may hold the upstream answer (its `wait`, at most 30 s), on top of the normal timeout. */
export function longPollAllowanceMs(method: string, url: string): number {
  if (method !== 'GET' || !/^\/v1\/agency-feed(?:\?|$)/.test(url)) return 0;
  const wait = Number(new URLSearchParams(url.split('?')[1] ?? '').get('wait'));
  return Number.isFinite(wait) && wait > 0 ? Math.min(wait, MAX_LONG_POLL_SECONDS) * 1000 : 0;
}

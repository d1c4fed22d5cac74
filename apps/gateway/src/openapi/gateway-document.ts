import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HUB_ROLES } from '@hub/contracts';
import { buildOpenApiDocument } from '@hub/platform';
import { CALLER_SECURITY, OAUTH2_SECURITY_SCHEME } from './door-operations';

export { OAUTH2_SECURITY_SCHEME } from './door-operations';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

/**
 * The gateway's own operations, with both ways in: an API key or an OAuth2 client-credentials token. Its guarded
 * operations declare that (`@CallerSecurity()`); the others are open (`security: []`): the OAuth2 token endpoint and
 * the published keys, and the compatibility endpoint, which carries its session in the body.
 */
export function buildGatewayDocument(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app, {
    title: 'National public-service hub API',
    description:
      'The national portal API for agency systems, the portal, payment providers and the public. Errors are application/problem+json. ' +
      '/v1 stays compatible: fields and operations are only added; a breaking change would be published as /v2 beside it, with /v1 kept and marked deprecated (Sunset header) for its support period.',
    version: '1',
  });
  document.components ??= {};
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    [OAUTH2_SECURITY_SCHEME]: {
      type: 'oauth2',
      description: 'OAuth2 client credentials (RFC 6749 §4.4): the client secret is the API key; tokens are EdDSA JWTs valid up to 15 min.',
      flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: Object.fromEntries(HUB_ROLES.map((role) => [role, `The ${role} role`])) } },
    },
  };
  document.security = CALLER_SECURITY;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) operation.security ??= [];
    }
  }
  return document;
}

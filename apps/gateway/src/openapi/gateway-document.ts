import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HUB_ROLES } from '@hub/contracts';
import { API_KEY_SECURITY_SCHEME, buildOpenApiDocument } from '@hub/platform';

export const OAUTH2_SECURITY_SCHEME = 'oauth2';

/** The gateway's own operations, with both ways in: an API key or an OAuth2 client-credentials token. */
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
  document.security = [{ [API_KEY_SECURITY_SCHEME]: [] }, { [OAUTH2_SECURITY_SCHEME]: [] }];
  return document;
}

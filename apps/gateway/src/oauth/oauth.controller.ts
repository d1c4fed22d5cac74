import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HUB_ROLES } from '@hub/contracts';
import { Public } from '@hub/platform';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../openapi/problem-responses';
import { JwkSetView } from '../signing-keys/jwk-set.view';
import { OAUTH_OPTIONS, TokenSigningKeys, type OAuthOptions } from './token-signing-keys';
import { AccessTokenView, TokenRequestBody, type IssueAccessTokenCommand } from './usecases/issue-access-token/issue-access-token.command';
import { IssueAccessTokenUseCase } from './usecases/issue-access-token/issue-access-token.usecase';

/** `Basic base64(client_id:client_secret)` (RFC 6749 §2.3.1: both form-urlencoded), or undefined. */
function basicCredentials(authorization: string | undefined): IssueAccessTokenCommand['credentials'] {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
}

const METADATA_EXAMPLE = {
  issuer: 'https://api.dichvucong.gov.vn',
  token_endpoint: 'https://api.dichvucong.gov.vn/oauth/token',
  jwks_uri: 'https://api.dichvucong.gov.vn/.well-known/jwks.json',
  grant_types_supported: ['client_credentials'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  scopes_supported: ['dossier:submit', 'dossier:read'],
  response_types_supported: ['token'],
};

@ApiTags('oauth')
@Public()
@Controller()
export class OAuthController {
  constructor(
    private readonly issueAccessToken: IssueAccessTokenUseCase,
    private readonly keys: TokenSigningKeys,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  @Post('oauth/token')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ operationId: 'issueAccessToken', summary: 'OAuth2 client credentials: an access token (EdDSA JWT) for an API client; its secret is its API key' })
  @ApiOkResponse({ type: AccessTokenView })
  @ApiProblems({
    400: 'UNSUPPORTED_GRANT_TYPE or INVALID_SCOPE (with `error`, the RFC 6749 §5.2 value), or VALIDATION_FAILED',
    401: 'INVALID_CLIENT: the client credentials are missing, invalid or revoked (the same answer whatever was wrong)',
  })
  async token(@Body() body: TokenRequestBody, @Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessTokenView> {
    const basic = basicCredentials(authorization);
    const form = body.client_id !== undefined && body.client_secret !== undefined ? { clientId: body.client_id, clientSecret: body.client_secret } : undefined;
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return this.issueAccessToken.execute({ grantType: body.grant_type, credentials: basic ?? form, scope: body.scope });
  }

  @Get('.well-known/jwks.json')
  @ApiOperation({ operationId: 'getJwks', summary: 'Public keys verifying access tokens (two during a rotation)' })
  @ApiOkResponse({ type: JwkSetView })
  jwks(): ReturnType<TokenSigningKeys['jwks']> {
    return this.keys.jwks();
  }

  @Get('.well-known/oauth-authorization-server')
  @ApiOperation({ operationId: 'getAuthorizationServerMetadata', summary: 'RFC 8414 authorization server metadata' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true, example: METADATA_EXAMPLE } })
  metadata(): Record<string, unknown> {
    const { issuer } = this.options;
    return {
      issuer,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: HUB_ROLES,
      response_types_supported: ['token'],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { AuthenticateClientUseCase } from '../../../api-client/usecases/authenticate-client/authenticate-client.usecase';
import { AccessTokens } from '../../access-tokens';
import { OAuthErrors } from '../../oauth.errors';
import type { AccessTokenView, IssueAccessTokenCommand } from './issue-access-token.command';

/** OAuth2 client credentials: a client's secret is its API key; the token carries the same identity. */
@Injectable()
export class IssueAccessTokenUseCase {
  constructor(
    private readonly authenticate: AuthenticateClientUseCase,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ grantType, credentials, scope }: IssueAccessTokenCommand): Promise<AccessTokenView> {
    if (grantType !== 'client_credentials') throw OAuthErrors.unsupportedGrant();
    if (!credentials) throw OAuthErrors.invalidClient();
    const { identity } = await this.authenticate.execute(credentials.clientSecret).catch(() => {
      throw OAuthErrors.invalidClient();
    });
    if (identity.clientId !== credentials.clientId) throw OAuthErrors.invalidClient();
    const requested = scope?.split(' ').filter(Boolean) ?? identity.roles;
    const notGranted = requested.filter((role) => !identity.roles.includes(role));
    if (notGranted.length > 0) throw OAuthErrors.invalidScope(notGranted);
    const roles = [...new Set(requested)];
    const { token, expiresIn } = await this.tokens.issue(identity, roles);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: roles.join(' ') };
  }
}

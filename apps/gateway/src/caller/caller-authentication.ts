import { Injectable } from '@nestjs/common';
import type { AuthenticatedClient } from '../api-client/authenticated-key-cache';
import { AuthenticateClientUseCase } from '../api-client/usecases/authenticate-client/authenticate-client.usecase';
import { AccessTokens } from '../oauth/access-tokens';

type Headers = Record<string, string | string[] | undefined>;

/** What a request presents: an OAuth2 bearer token (`Authorization: Bearer …`), an API key (`x-api-key`), both or neither. */
export interface Credentials {
  bearer?: string;
  apiKey?: string;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function credentialsOf(headers: Headers): Credentials {
  return {
    bearer: /^Bearer (\S+)$/i.exec(single(headers.authorization) ?? '')?.[1],
    apiKey: single(headers['x-api-key']),
  };
}

export const hasCredentials = (credentials: Credentials): boolean => credentials.bearer !== undefined || credentials.apiKey !== undefined;

/**
 * The one way in for every route, forwarded or the gateway's own: an access token or an API key gives the same
 * identity (the client's agencies and roles; a token's only those of its scope). A token wins over a key.
 */
@Injectable()
export class CallerAuthentication {
  constructor(
    private readonly apiKeys: AuthenticateClientUseCase,
    private readonly tokens: AccessTokens,
  ) {}

  authenticate(credentials: Credentials): Promise<AuthenticatedClient> {
    return credentials.bearer !== undefined ? this.tokens.authenticate(credentials.bearer) : this.apiKeys.execute(credentials.apiKey);
  }
}

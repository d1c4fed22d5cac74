import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { API_KEY_SECURITY_SCHEME } from '@hub/platform';
import { OAUTH2_SECURITY_SCHEME } from '../openapi/door-operations';

/** Documents the two ways in that CallerGuard accepts, either of them: an API key or an OAuth2 access token. */
export const CallerSecurity = (): ClassDecorator & MethodDecorator => applyDecorators(ApiSecurity(API_KEY_SECURITY_SCHEME), ApiSecurity(OAUTH2_SECURITY_SCHEME));

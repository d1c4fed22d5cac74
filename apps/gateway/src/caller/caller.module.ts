import { Module } from '@nestjs/common';
import { ApiClientModule } from '../api-client/api-client.module';
import { OAuthModule } from '../oauth/oauth.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { CallerAuthentication } from './caller-authentication';
import { CallerGuard } from './caller.guard';

/** Who is calling: an access token or an API key, for forwarded routes and the gateway's own alike. */
@Module({
  imports: [ApiClientModule, OAuthModule, RateLimitModule],
  providers: [CallerAuthentication, CallerGuard],
  exports: [CallerAuthentication, CallerGuard, RateLimitModule],
})
export class CallerModule {}

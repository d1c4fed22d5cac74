import { Module } from '@nestjs/common';
import { ApiClientModule } from '../api-client/api-client.module';
import { OAuthModule } from '../oauth/oauth.module';
import { CallerAuthentication } from './caller-authentication';
import { CallerGuard } from './caller.guard';

/** Who is calling: an access token or an API key, for forwarded routes and the gateway's own alike. */
@Module({
  imports: [ApiClientModule, OAuthModule],
  providers: [CallerAuthentication, CallerGuard],
  exports: [CallerAuthentication, CallerGuard],
})
export class CallerModule {}

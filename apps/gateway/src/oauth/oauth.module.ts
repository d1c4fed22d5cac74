import { Module } from '@nestjs/common';
import { ApiClientModule } from '../api-client/api-client.module';
import { AccessTokens } from './access-tokens';
import { OAuthController } from './oauth.controller';
import { TokenSigningKeys } from './token-signing-keys';
import { IssueAccessTokenUseCase } from './usecases/issue-access-token/issue-access-token.usecase';

@Module({
  imports: [ApiClientModule],
  controllers: [OAuthController],
  providers: [TokenSigningKeys, AccessTokens, IssueAccessTokenUseCase],
  exports: [AccessTokens],
})
export class OAuthModule {}

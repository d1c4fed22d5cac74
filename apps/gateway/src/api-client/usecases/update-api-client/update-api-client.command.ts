import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import type { CallerIdentity } from '@hub/platform';
import { RateLimitOverridesDto } from '../../rate-limit-overrides.dto';
import { RegisterApiClientCommand } from '../register-api-client/register-api-client.command';

/**
 * What an administrator may change on a client; fields left out stay as they are. Same rules as at registration,
 * checked on the client as it would be after the change; `expiresAt: null` removes the expiry.
 */
export class UpdateApiClientBody extends PartialType(PickType(RegisterApiClientCommand, ['name', 'agencyCodes', 'roles', 'expiresAt'] as const)) {
  @ApiPropertyOptional({ description: 'false disables the client: its API key answers 401 at once, its access tokens within a minute' })
  @IsOptional() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ type: RateLimitOverridesDto, description: 'Replaces the overrides of the default rate limits ({} returns to the defaults)' })
  @IsOptional() @ValidateNested() @Type(() => RateLimitOverridesDto) rateLimits?: RateLimitOverridesDto;
}

export interface UpdateApiClientCommand {
  clientId: string;
  changes: UpdateApiClientBody;
  caller: CallerIdentity;
  /** The request's, recorded with the audit entry. */
  correlationId: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { CallerIdentity } from '@hub/platform';
import { ApiClientView } from '../../api-client.view';

/** The longest grace period a rotation may give the previous key. */
export const MAX_ROTATION_GRACE_SECONDS = 7 * 86_400;

export class RotateApiKeyBody {
  @ApiPropertyOptional({
    default: 0,
    maximum: MAX_ROTATION_GRACE_SECONDS,
    example: 86_400,
    description: 'How long the previous key keeps working (seconds, at most 7 days). 0 (the default): it stops at once, as for a leaked key',
  })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ROTATION_GRACE_SECONDS) gracePeriodSeconds?: number;
}

export interface RotateApiKeyCommand {
  clientId: string;
  gracePeriodSeconds: number;
  caller: CallerIdentity;
  /** The request's, recorded with the audit entry. */
  correlationId: string;
}

export class RotatedApiKeyView extends ApiClientView {
  @ApiProperty({ description: 'The new key, shown once; only its hash is stored. The previous key works until previousKeyExpiresAt (or no more).' })
  apiKey!: string;
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AgencyFeedItem, type AgencyFeedItemV1 } from '@hub/contracts';
import { Caller, RequireRoles, type CallerIdentity } from '@hub/platform';
import { MAX_FEED_LIMIT, MAX_FEED_WAIT_SECONDS, ReadFeedUseCase, type FeedPageView } from './usecases/read-feed.usecase';

export class ReadFeedQuery {
  @ApiPropertyOptional({ description: 'A cursor from a previous answer (`next` or an item\'s `cursor`); without it, from the beginning', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200) after?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEED_LIMIT, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_FEED_LIMIT) limit?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_FEED_WAIT_SECONDS, default: 0, description: 'Long polling: seconds to wait when nothing is there yet; answers as soon as something arrives' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_FEED_WAIT_SECONDS) wait?: number;
}

export class FeedPageDto implements FeedPageView {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [AgencyFeedItem.example],
    description: 'Items `agency-feed.item.v1` in feed order (schema: /standard/schemas/packets/agency-feed.item.v1.json)',
  })
  items!: AgencyFeedItemV1[];
  @ApiProperty({ description: 'Pass as `after` to continue; the same cursor again when nothing came', example: AgencyFeedItem.example.cursor }) next!: string;
}

@ApiTags('agency-feed')
@Controller('v1/agency-feed')
export class AgencyFeedController {
  constructor(private readonly readFeed: ReadFeedUseCase) {}

  @Get()
  @RequireRoles('dossier:feed')
  @ApiOperation({
    summary: "Every change concerning the caller's agencies (online dossiers, withdrawals, supplements, payments, ratings), gap-free, with long polling",
  })
  @ApiOkResponse({ type: FeedPageDto })
  read(@Query() query: ReadFeedQuery, @Caller() caller: CallerIdentity): Promise<FeedPageView> {
    return this.readFeed.execute({ after: query.after ?? null, limit: query.limit ?? 100, waitSeconds: query.wait ?? 0 }, caller);
  }
}

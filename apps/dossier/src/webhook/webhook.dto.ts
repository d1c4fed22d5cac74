import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AGENCY_FEED_ITEM_TYPES, type AgencyFeedItemType } from '@hub/contracts';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook.store';

export class PutWebhookBody {
  @ApiProperty({ example: 'https://motcua.hanoi.gov.vn/hub-webhooks', maxLength: 2000, description: 'HTTPS, public address (loopback/private only where the hub allows it: development)' })
  @IsString() @MaxLength(2000) url!: string;
  @ApiProperty({ minLength: 16, maxLength: 200, description: 'Shared secret of the X-Hub-Signature HMAC; never shown again' })
  @IsString() @MinLength(16) @MaxLength(200) @Matches(/^[\x21-\x7e]+$/, { message: 'secret must be printable ASCII without spaces' }) secret!: string;
  @ApiProperty({ enum: AGENCY_FEED_ITEM_TYPES, isArray: true, description: 'Item types to deliver' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(AGENCY_FEED_ITEM_TYPES.length) @ArrayUnique() @IsIn(AGENCY_FEED_ITEM_TYPES, { each: true }) eventTypes!: AgencyFeedItemType[];
  @ApiPropertyOptional({ default: true, description: 'false pauses deliveries (items keep accumulating in the feed)' })
  @IsOptional() @IsBoolean() active?: boolean;
}

export class WebhookView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: AGENCY_FEED_ITEM_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'A secret is set (it is never returned)' }) secretSet!: boolean;
  @ApiProperty({ description: 'Cursor of the last feed item turned into a delivery' }) position!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** Page size of the deliveries list: 100 by default, at most 500 (like the agency subtree). */
export const DEFAULT_DELIVERIES_PAGE = 100;
export const MAX_DELIVERIES_PAGE = 500;

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @ApiPropertyOptional({ description: 'From `nextCursor` of the previous page (keyset: the deliveries older than its last one)', maxLength: 200 })
  @IsOptional() @MaxLength(200) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this list' }) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DELIVERIES_PAGE, default: DEFAULT_DELIVERIES_PAGE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DELIVERIES_PAGE) limit?: number;
}

export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ description: "The item's feed cursor" }) cursor!: string;
  @ApiProperty({ enum: AGENCY_FEED_ITEM_TYPES }) type!: string;
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ description: 'Made by deliveries:replay' }) replay!: boolean;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'While PENDING' }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView], description: 'Newest first' }) items!: DeliveryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page; null on the last page' }) nextCursor!: string | null;
}

export class ReplayBody {
  @ApiProperty({ description: 'A feed cursor: that item and every later one of the agency are sent again, in order', maxLength: 200 })
  @IsString() @MaxLength(200) from!: string;
}

export class ReplayAnswer {
  @ApiProperty({ description: 'Deliveries created' }) replayed!: number;
}

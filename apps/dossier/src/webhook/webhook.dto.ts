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
  @ApiProperty({ example: '000.00.15.H31' }) agencyCode!: string;
  @ApiProperty({ example: 'https://motcua.hanoi.gov.vn/hub-webhooks' }) url!: string;
  @ApiProperty({ enum: AGENCY_FEED_ITEM_TYPES, isArray: true, example: ['dossier.submitted', 'dossier.withdrawn'] }) eventTypes!: string[];
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ description: 'A secret is set (it is never returned)', example: true }) secretSet!: boolean;
  @ApiProperty({ description: 'Cursor of the last feed item turned into a delivery', example: 'AAAAAAAAAvMAAAAAAAAAKg.Yk3xQ0c2l5Q' }) position!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-05T08:00:00+07:00' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-12T09:30:01+07:00' }) updatedAt!: string;
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
  @ApiProperty({ format: 'uuid', example: '3f1c2b9e-8d7a-4e6f-9b5c-1a2d3e4f5a6b' }) deliveryId!: string;
  @ApiProperty({ description: "The item's feed cursor", example: 'AAAAAAAAAvMAAAAAAAAAKg.Yk3xQ0c2l5Q' }) cursor!: string;
  @ApiProperty({ enum: AGENCY_FEED_ITEM_TYPES, example: 'dossier.submitted' }) type!: string;
  @ApiProperty({ example: '000.00.15.H31-260112-0001' }) dossierCode!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'DELIVERED' }) status!: string;
  @ApiProperty({ description: 'Made by deliveries:replay', example: false }) replay!: boolean;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ nullable: true, type: Number, example: 200 }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-01-12T09:30:02+07:00' }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'While PENDING', example: null }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-01-12T09:30:02+07:00' }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-12T09:30:01+07:00' }) createdAt!: string;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView], description: 'Newest first' }) items!: DeliveryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page; null on the last page' }) nextCursor!: string | null;
}

export class ReplayBody {
  @ApiProperty({ description: 'A feed cursor: that item and every later one of the agency are sent again, in order', maxLength: 200, example: 'AAAAAAAAAvMAAAAAAAAAKg.Yk3xQ0c2l5Q' })
  @IsString() @MaxLength(200) from!: string;
}

export class ReplayAnswer {
  @ApiProperty({ description: 'Deliveries created', example: 12 }) replayed!: number;
}

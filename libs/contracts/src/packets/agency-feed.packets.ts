import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../codes/codes';
import { DOSSIER_STATUSES, FEE_CHANNELS, type Channel, type DossierStatus } from '../codes/dossier-status';
import { CriterionRatingV1, RATING_CHANNELS, SATISFACTION_LEVELS, type RatingChannel, type SatisfactionLevel } from '../events/rating.events';
import { definePacket } from '../packets';
import { IsInstant } from '../validation/is-instant';

/**
 * What an agency system learns through `GET /v1/agency-feed` and its webhooks: the changes made on the portal side
 * to dossiers of its agencies. A published type never changes meaning; a new kind of change is a new type.
 */
export const AGENCY_FEED_ITEM_TYPES = [
  'dossier.submitted',
  'dossier.withdrawn',
  'dossier.supplement-submitted',
  'payment.succeeded',
  'payment.refunded',
  'rating.given',
] as const;
export type AgencyFeedItemType = (typeof AGENCY_FEED_ITEM_TYPES)[number];

/** The applicant, so the receiving agency can process the dossier (personal data: only the agency's own systems see it). */
export class FeedApplicantV1 {
  @IsString() @MinLength(1) @MaxLength(300) fullName!: string;
  @IsString() @MaxLength(50) idNumber!: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsString() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) address?: string;
}

/** The dossier as the hub held it when the change was recorded. */
export class FeedDossierV1 {
  @Matches(DOSSIER_CODE_PATTERN) code!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @IsInt() @Min(1) procedureVersion!: number;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(FEE_CHANNELS) channel!: Channel;
  @IsIn(DOSSIER_STATUSES) status!: DossierStatus;
  @IsInstant() receivedAt!: string;
  @IsOptional() @IsInstant() dueAt!: string | null;
  @ValidateNested() @Type(() => FeedApplicantV1) applicant!: FeedApplicantV1;
  @IsOptional() @IsString() @MaxLength(2000) summary!: string | null;
}

export class FeedPaymentV1 {
  @IsUUID() paymentId!: string;
  @IsString() @MinLength(1) @MaxLength(100) requestId!: string;
  /** Whole VND. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amount!: number;
  @IsString() @MinLength(1) @MaxLength(50) provider!: string;
  @IsString() @MinLength(1) @MaxLength(200) reference!: string;
}

export class FeedRefundV1 {
  @IsUUID() paymentId!: string;
  @IsUUID() refundId!: string;
  /** This refund, whole VND. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) refundAmount!: number;
  /** Every refund of the payment so far, this one included. */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) refundedTotal!: number;
}

export class FeedRatingV1 {
  @IsUUID() ratingId!: string;
  @IsIn(SATISFACTION_LEVELS) level!: SatisfactionLevel;
  @IsArray() @ArrayMaxSize(12) @ValidateNested({ each: true }) @Type(() => CriterionRatingV1) criteria!: CriterionRatingV1[];
  @IsIn(RATING_CHANNELS) channel!: RatingChannel;
}

export class FeedSupplementV1 {
  @IsOptional() @IsString() @MaxLength(2000) note!: string | null;
}

/**
 * One change in the feed of an agency system. `cursor` is opaque: pass it as `after` to read what follows. Exactly
 * one of `payment`, `refund`, `rating`, `supplement` is present for those types.
 */
export class AgencyFeedItemV1 {
  @IsString() @MinLength(1) @MaxLength(200) cursor!: string;
  @IsIn(AGENCY_FEED_ITEM_TYPES) type!: AgencyFeedItemType;
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(AGENCY_CODE_PATTERN) agencyCode!: string;
  /** When the change happened (submission, withdrawal, payment, rating). */
  @IsInstant() occurredAt!: string;
  /** When the hub recorded it in the feed. */
  @IsInstant() recordedAt!: string;
  @ValidateNested() @Type(() => FeedDossierV1) dossier!: FeedDossierV1;
  @IsOptional() @ValidateNested() @Type(() => FeedPaymentV1) payment?: FeedPaymentV1;
  @IsOptional() @ValidateNested() @Type(() => FeedRefundV1) refund?: FeedRefundV1;
  @IsOptional() @ValidateNested() @Type(() => FeedRatingV1) rating?: FeedRatingV1;
  @IsOptional() @ValidateNested() @Type(() => FeedSupplementV1) supplement?: FeedSupplementV1;
}

/** The body the hub POSTs to an agency system's webhook: one feed item (the same as the feed's). */
export class AgencyWebhookDeliveryV1 {
  /** Stable across retries of this delivery; a replay is a new delivery of the same item (same `item.cursor`). */
  @IsUUID() deliveryId!: string;
  @Matches(AGENCY_CODE_PATTERN) agencyCode!: string;
  @ValidateNested() @Type(() => AgencyFeedItemV1) item!: AgencyFeedItemV1;
}

const ITEM_EXAMPLE: AgencyFeedItemV1 = {
  cursor: 'AAAAAAAAAvMAAAAAAAAAKg.Yk3xQ0c2l5Q',
  type: 'dossier.submitted',
  dossierCode: '000.00.15.H31-260112-0001',
  agencyCode: '000.00.15.H31',
  occurredAt: '2026-01-12T09:30:00+07:00',
  recordedAt: '2026-01-12T09:30:01+07:00',
  dossier: {
    code: '000.00.15.H31-260112-0001',
    procedureCode: '1.001234',
    procedureVersion: 1,
    receivingAgencyCode: '000.00.15.H31',
    channel: 'ONLINE',
    status: 1,
    receivedAt: '2026-01-12T09:30:00+07:00',
    dueAt: null,
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678' },
    summary: 'Đăng ký khai sinh',
  },
};

export const AgencyFeedItem = definePacket({
  name: 'agency-feed.item.v1',
  kind: 'feed-item',
  payload: AgencyFeedItemV1,
  summary: 'One change concerning an agency (dossier submitted online, withdrawn, supplement, payment, rating), as GET /v1/agency-feed returns it.',
  example: ITEM_EXAMPLE,
});

export const AgencyWebhookDelivery = definePacket({
  name: 'agency-webhook.delivery.v1',
  kind: 'webhook-body',
  payload: AgencyWebhookDeliveryV1,
  summary: 'The signed body POSTed to an agency system webhook: one feed item, in feed order per agency.',
  example: { deliveryId: '3f1c2b9e-8d7a-4e6f-9b5c-1a2d3e4f5a6b', agencyCode: '000.00.15.H31', item: ITEM_EXAMPLE },
});

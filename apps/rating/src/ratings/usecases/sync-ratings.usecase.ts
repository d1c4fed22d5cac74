import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AppError, validatePayload, type CallerIdentity, type EventTrace, type FieldError } from '@hub/platform';
import { RateDossierUseCase } from './rate-dossier.usecase';
import { SyncRatingItem } from './rating.command';

export const RATING_SYNC_OUTCOMES = ['created', 'duplicate', 'rejected'] as const;

export class RatingSyncProblem {
  @ApiProperty({ example: 'RATING_WINDOW_CLOSED' }) code!: string;
  @ApiProperty({
    example: 'Dossier 000.00.15.H31-260112-0001 is in status 4: it can be rated after the receipt, a supplement request, a refusal or the result (statuses 2, 3, 5, 9, 10)',
  })
  detail!: string;
  @ApiPropertyOptional({ type: Object, isArray: true }) errors?: FieldError[];
}

export class RatingSyncResult {
  @ApiProperty({ example: 0 }) index!: number;
  @ApiProperty({ nullable: true, type: String, example: 'KIOSK-H31-2026-000128' }) sourceRatingId!: string | null;
  @ApiProperty({ enum: RATING_SYNC_OUTCOMES, example: 'created' }) outcome!: (typeof RATING_SYNC_OUTCOMES)[number];
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '2b7e4f1a-9c3d-4e5f-8a6b-1c2d3e4f5a6b' }) ratingId!: string | null;
  @ApiPropertyOptional({ type: RatingSyncProblem }) problem?: RatingSyncProblem;
}

export class SyncRatingsResponse {
  @ApiProperty({ type: [RatingSyncResult] }) results!: RatingSyncResult[];
}

/** Ratings collected by an agency system: each item judged alone, idempotent on the source's rating id. */
@Injectable()
export class SyncRatingsUseCase {
  constructor(private readonly rate: RateDossierUseCase) {}

  async execute(command: { items: unknown[]; caller: CallerIdentity; trace: EventTrace }): Promise<SyncRatingsResponse> {
    const results: RatingSyncResult[] = [];
    for (const [index, raw] of command.items.entries()) results.push(await this.one(index, raw, command.caller, command.trace));
    return { results };
  }

  private async one(index: number, raw: unknown, caller: CallerIdentity, trace: EventTrace): Promise<RatingSyncResult> {
    const sourceId = typeof raw === 'object' && raw !== null && typeof (raw as { sourceRatingId?: unknown }).sourceRatingId === 'string' ? (raw as { sourceRatingId: string }).sourceRatingId : null;
    const parsed = validatePayload(SyncRatingItem, raw);
    if (!parsed.ok) return { index, sourceRatingId: sourceId, outcome: 'rejected', ratingId: null, problem: { code: 'VALIDATION_FAILED', detail: 'The rating contains invalid fields.', errors: parsed.errors } };
    const { sourceRatingId, ...rating } = parsed.value;
    try {
      const r = await this.rate.execute({ rating, sourceRatingId, caller, trace });
      return { index, sourceRatingId, outcome: r.created ? 'created' : 'duplicate', ratingId: r.ratingId };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { index, sourceRatingId, outcome: 'rejected', ratingId: null, problem: { code: e.code, detail: e.message, ...(e.fields ? { errors: e.fields } : {}) } };
    }
  }
}

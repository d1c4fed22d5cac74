import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { ArrayMinSize, IsArray } from 'class-validator';
import { DOSSIER_ERROR_CODES } from '../../dossier.errors';
import type { RecordProblem } from './record-problem';
import { SyncRecordDto } from './sync-record.dto';

export const MAX_SYNC_BATCH = 1000;
export const SYNC_OUTCOMES = ['created', 'updated', 'unchanged', 'stale', 'rejected'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/**
 * The body of `POST /v1/dossiers:sync`. Records are validated one by one by the use case (one bad record never
 * rejects the others), so the body itself only checks that `dossiers` is a non-empty list.
 */
export class SyncDossiersBody {
  @ApiProperty({ type: [SyncRecordDto], minItems: 1, maxItems: MAX_SYNC_BATCH })
  @IsArray() @ArrayMinSize(1) dossiers!: unknown[];
}

export class RecordProblemDto implements RecordProblem {
  @ApiProperty({ enum: DOSSIER_ERROR_CODES }) code!: RecordProblem['code'];
  @ApiProperty() title!: string;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ description: 'The detail in Vietnamese' }) detailVi?: string;
  @ApiPropertyOptional({ description: 'The offending field of the record, as a dot path' }) field?: string;
  @ApiPropertyOptional({ description: 'Sending the same record later may succeed (e.g. the catalogue event has not arrived yet)' }) retryable?: boolean;
}

export class SyncResultDto {
  @ApiProperty({ nullable: true, type: String, example: '000.00.15.H31-260112-0001' }) code!: string | null;
  @ApiProperty({ enum: SYNC_OUTCOMES, example: 'created' }) outcome!: SyncOutcome;
  @ApiProperty({ nullable: true, type: Number, description: 'The version the hub holds after this record', example: 1 }) version!: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 10, example: 2 }) status!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-02-02T17:00:00+07:00' }) dueAt!: string | null;
  @ApiPropertyOptional({ type: RecordProblemDto }) problem?: RecordProblemDto;
  @ApiPropertyOptional({ description: 'Issued by the hub for a new dossier sent without one; returned this once, stored hashed' }) lookupKey?: string;
}

export class SyncDossiersResponse {
  @ApiProperty({ type: [SyncResultDto] }) results!: SyncResultDto[];
}

/** The command: the records as sent, who sent them, and the trace of the request they came in. */
export interface SyncDossiersCommand {
  records: unknown[];
  caller: CallerIdentity;
  trace: EventTrace;
}

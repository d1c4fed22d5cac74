import type { CallerIdentity, EventTrace } from '@hub/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, Matches } from 'class-validator';
import { DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { StepDto } from '../sync-dossiers/sync-record.dto';
import { RecordProblemDto } from '../sync-dossiers/sync-dossiers.command';

export const MAX_STEPS_BATCH = 1000;

/** The command: the steps as sent (each validated on its own, so one bad step refuses only its dossier), and who sent them. */
export interface RecordStepsCommand {
  steps: unknown[];
  caller: CallerIdentity;
  trace: EventTrace;
}
export const RECORD_STEPS_OUTCOMES = ['updated', 'unchanged', 'rejected'] as const;

/** One progress step of one dossier. */
export class RecordedStepDto extends StepDto {
  @ApiProperty({ example: '000.00.15.H31-260112-0001' }) @Matches(DOSSIER_CODE_PATTERN, { message: 'code must look like 000.00.15.H31-260112-0001' }) code!: string;
}

/** `POST /v1/dossiers:record-steps`: steps of any dossiers, in any order; each dossier's steps are judged together. */
export class RecordStepsBody {
  @ApiProperty({ type: [RecordedStepDto], minItems: 1, maxItems: MAX_STEPS_BATCH })
  @IsArray() @ArrayMinSize(1) steps!: unknown[];
}

export class RecordStepsResultDto {
  @ApiProperty({ nullable: true, type: String, example: '000.00.15.H31-260112-0001' }) code!: string | null;
  @ApiProperty({ enum: RECORD_STEPS_OUTCOMES, example: 'updated' }) outcome!: (typeof RECORD_STEPS_OUTCOMES)[number];
  @ApiProperty({ nullable: true, type: Number, example: 4 }) status!: number | null;
  @ApiProperty({ description: 'Indexes (in the request) of the steps of this dossier', example: [0, 1] }) indexes!: number[];
  @ApiPropertyOptional({ type: RecordProblemDto }) problem?: RecordProblemDto;
}

export class RecordStepsResponse {
  @ApiProperty({ type: [RecordStepsResultDto], description: 'One result per dossier, in the order of first appearance' }) results!: RecordStepsResultDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEE_CHANNELS, type Channel } from '@hub/contracts';
import type { DossierEntity } from '../../dossier.entity';

export class ApplicantView {
  @ApiProperty() fullName!: string;
  @ApiProperty() idNumber!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class DossierView {
  @ApiProperty() code!: string;
  @ApiProperty({ minimum: 1, maximum: 10 }) status!: number;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureVersion!: number;
  @ApiProperty() receivingAgencyCode!: string;
  @ApiProperty({ enum: FEE_CHANNELS }) channel!: Channel;
  @ApiProperty({ type: ApplicantView }) applicant!: ApplicantView;
  @ApiPropertyOptional({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(d: DossierEntity): DossierView {
    return {
      code: d.code,
      status: d.status,
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      receivingAgencyCode: d.receivingAgencyCode,
      channel: d.channel,
      applicant: d.applicant,
      summary: d.summary,
      submittedAt: d.submittedAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

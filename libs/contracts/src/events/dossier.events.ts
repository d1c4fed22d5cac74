import { IsIn, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../codes/codes';
import { DossierStatus, FEE_CHANNELS, type Channel } from '../codes/dossier-status';
import { defineEvent } from '../event-definition';

/** A dossier entered the hub (status 1, submitted online). Carries no personal data. */
export class DossierSubmittedV1 {
  @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
  @Matches(PROCEDURE_CODE_PATTERN) procedureCode!: string;
  @IsInt() @Min(1) procedureVersion!: number;
  @Matches(AGENCY_CODE_PATTERN) receivingAgencyCode!: string;
  @IsIn(FEE_CHANNELS) channel!: Channel;
  @IsIn([DossierStatus.Submitted]) status!: DossierStatus.Submitted;
  @IsISO8601({ strict: true }) submittedAt!: string;
}

export const DossierSubmitted = defineEvent({
  topic: 'dossier.submitted.v1',
  payload: DossierSubmittedV1,
  keyOf: (p) => p.dossierCode,
  example: {
    dossierCode: '000.00.15.H31-260112-0001',
    procedureCode: '1.001234',
    procedureVersion: 1,
    receivingAgencyCode: '000.00.15.H31',
    channel: 'ONLINE',
    status: DossierStatus.Submitted,
    submittedAt: '2026-01-12T09:30:00+07:00',
  },
});

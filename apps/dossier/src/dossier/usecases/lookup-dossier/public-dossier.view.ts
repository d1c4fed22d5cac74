import { ApiProperty } from '@nestjs/swagger';
import { formatInZone } from '@hub/calendar';
import type { DossierState } from '../../domain/dossier-state';
import { STATUS_NAMES } from '../../domain/status-machine';
import { StatusNameView } from '../get-dossier/dossier.view';

export class PublicStepView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ type: StatusNameView }) title!: StatusNameView;
}

/** What anyone holding the code and the lookup key may read: no personal data of any kind (no applicant, no staff). */
export class PublicDossierView {
  @ApiProperty() code!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty({ nullable: true, type: String }) procedureName!: string | null;
  @ApiProperty() status!: number;
  @ApiProperty({ type: StatusNameView }) statusName!: StatusNameView;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ type: [PublicStepView], description: 'Status changes with their titles' }) steps!: PublicStepView[];

  static from(d: DossierState, procedureName: string | null): PublicDossierView {
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName,
      status: d.status,
      statusName: STATUS_NAMES[d.status],
      receivedAt: formatInZone(d.receivedAt),
      dueAt: d.dueAt ? formatInZone(d.dueAt) : null,
      finishedAt: d.finishedAt ? formatInZone(d.finishedAt) : null,
      steps: d.history.map((c) => ({ at: formatInZone(c.at), status: c.to, title: STATUS_NAMES[c.to] })),
    };
  }
}

import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ApplicantDto } from '../submit-dossier/submit-dossier.command';

/**
 * The applicant as an agency system syncs it: the online intake's fields and rules (ApplicantDto), every one optional.
 * Unlike online intake, the name and ID number may be missing: systems back-fill counter dossiers whose applicant's
 * number they never recorded (the compatibility vocabulary's `SoGiayToChuHoSo` is optional too).
 */
export class SyncApplicantDto extends PartialType(ApplicantDto) {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An', maxLength: 200, description: 'Omitted: stored as an empty name (back-filled dossiers)' })
  override fullName?: string;
}

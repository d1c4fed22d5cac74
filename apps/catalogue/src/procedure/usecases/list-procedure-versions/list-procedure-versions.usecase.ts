import { Injectable } from '@nestjs/common';
import { formatInZone } from '../../../shared/dates';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedureRepository } from '../../procedure.repository';
import { VersionHistoryView, VersionSummaryView } from '../../procedure.view';

/** Public read: every published version with its validity, oldest first. */
@Injectable()
export class ListProcedureVersionsUseCase {
  constructor(private readonly procedures: ProcedureRepository) {}

  async execute({ code }: { code: string }): Promise<VersionHistoryView> {
    const procedure = await this.procedures.find(code);
    if (!procedure) throw ProcedureErrors.notFound(code);
    const versions = await this.procedures.versions(code);
    return {
      code,
      status: procedure.status,
      hasDraft: procedure.draft !== null,
      withdrawnAt: procedure.withdrawnAt ? formatInZone(procedure.withdrawnAt) : null,
      versions: versions.map(VersionSummaryView.from),
    };
  }
}

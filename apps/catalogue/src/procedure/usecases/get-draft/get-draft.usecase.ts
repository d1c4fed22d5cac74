import { Injectable } from '@nestjs/common';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedureRepository } from '../../procedure.repository';
import { DraftView } from '../../procedure.view';

/** The waiting draft, for the operators who edit it. */
@Injectable()
export class GetDraftUseCase {
  constructor(private readonly procedures: ProcedureRepository) {}

  async execute({ code }: { code: string }): Promise<DraftView> {
    const procedure = await this.procedures.find(code);
    if (!procedure) throw ProcedureErrors.notFound(code);
    if (!procedure.draft) throw ProcedureErrors.noDraft(code);
    return DraftView.from(procedure, procedure.draft);
  }
}

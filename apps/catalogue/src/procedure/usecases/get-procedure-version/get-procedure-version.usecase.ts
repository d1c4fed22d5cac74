import { Injectable } from '@nestjs/common';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedureRepository } from '../../procedure.repository';
import { ProcedureView } from '../../procedure.view';

/** Public read: one published version with all its content. */
@Injectable()
export class GetProcedureVersionUseCase {
  constructor(private readonly procedures: ProcedureRepository) {}

  async execute({ code, version }: { code: string; version: number }): Promise<ProcedureView> {
    const found = await this.procedures.version(code, version);
    if (!found) {
      if (!(await this.procedures.find(code))) throw ProcedureErrors.notFound(code);
      throw ProcedureErrors.versionNotFound(code, version);
    }
    const procedure = await this.procedures.find(code);
    return ProcedureView.from(found, procedure?.status ?? 'PUBLISHED');
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { formatInZone } from '../../../shared/dates';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedureRepository } from '../../procedure.repository';
import { ProcedureView } from '../../procedure.view';

export interface GetProcedureQuery {
  code: string;
  /** Default: now. */
  asOf?: Date;
}

/** Public read: the version in force now or on a date, or why none is. */
@Injectable()
export class GetProcedureUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ code, asOf }: GetProcedureQuery): Promise<ProcedureView> {
    const at = asOf ?? this.clock.now();
    const version = await this.procedures.inForce(code, at);
    const procedure = await this.procedures.find(code);
    if (!procedure) throw ProcedureErrors.notFound(code);
    if (version) return ProcedureView.from(version, procedure.status);
    const when = formatInZone(at);
    if (procedure.status === 'DRAFT') throw ProcedureErrors.notInForce(code, 'it has not been published yet', 'chưa được công bố');
    if (procedure.withdrawnAt && procedure.withdrawnAt <= at) {
      const since = formatInZone(procedure.withdrawnAt);
      throw ProcedureErrors.notInForce(code, `it was withdrawn as of ${since}`, `đã bị bãi bỏ từ ${since}`);
    }
    throw ProcedureErrors.notInForce(code, `no version was in force at ${when}`, `không có phiên bản có hiệu lực tại ${when}`);
  }
}

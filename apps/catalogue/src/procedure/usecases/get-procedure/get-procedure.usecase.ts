import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { formatInZone } from '../../../shared/dates';
import { ProcedureErrors } from '../../procedure.errors';
import { ProcedureRepository } from '../../procedure.repository';
import { ProcedureView, VersionHistoryView, VersionSummaryView } from '../../procedure.view';

/** Public reads: the version in force (now or on a date), one version, the history. */
@Injectable()
export class GetProcedureUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly clock: Clock,
  ) {}

  async inForce(code: string, asOf?: Date): Promise<ProcedureView> {
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

  async version(code: string, version: number): Promise<ProcedureView> {
    const found = await this.procedures.version(code, version);
    if (!found) {
      if (!(await this.procedures.find(code))) throw ProcedureErrors.notFound(code);
      throw ProcedureErrors.versionNotFound(code, version);
    }
    const procedure = await this.procedures.find(code);
    return ProcedureView.from(found, procedure?.status ?? 'PUBLISHED');
  }

  async history(code: string): Promise<VersionHistoryView> {
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

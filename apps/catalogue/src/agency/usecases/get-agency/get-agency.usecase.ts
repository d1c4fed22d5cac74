import { Injectable } from '@nestjs/common';
import { AgencyErrors } from '../../agency.errors';
import { AgencyRepository } from '../../agency.repository';
import { AgencyView } from '../../agency.view';

/** Public read of one agency. */
@Injectable()
export class GetAgencyUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute({ code }: { code: string }): Promise<AgencyView> {
    const agency = await this.agencies.findByCode(code);
    if (!agency) throw AgencyErrors.notFound(code);
    return AgencyView.from(agency);
  }
}

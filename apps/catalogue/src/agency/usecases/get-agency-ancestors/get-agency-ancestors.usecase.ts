import { Injectable } from '@nestjs/common';
import { AgencyErrors } from '../../agency.errors';
import { AgencyRepository } from '../../agency.repository';
import { AgencyNodeView } from '../../agency.view';

/** The agencies above one agency, parent first, up to the top of the hierarchy. */
@Injectable()
export class GetAgencyAncestorsUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute({ code }: { code: string }): Promise<AgencyNodeView[]> {
    if (!(await this.agencies.findByCode(code))) throw AgencyErrors.notFound(code);
    return (await this.agencies.ancestors(code)).map(AgencyNodeView.fromNode);
  }
}

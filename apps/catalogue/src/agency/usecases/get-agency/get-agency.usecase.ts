import { Injectable } from '@nestjs/common';
import { AgencyErrors } from '../../agency.errors';
import { AgencyRepository } from '../../agency.repository';
import { AgencyNodeView, AgencyView } from '../../agency.view';

/** Public reads of one agency and of its place in the hierarchy. */
@Injectable()
export class GetAgencyUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async get(code: string): Promise<AgencyView> {
    const agency = await this.agencies.findByCode(code);
    if (!agency) throw AgencyErrors.notFound(code);
    return AgencyView.from(agency);
  }

  /** The agency (depth 0) and every agency under it, down to `maxDepth` levels. */
  async subtree(code: string, maxDepth?: number): Promise<AgencyNodeView[]> {
    const nodes = await this.agencies.subtree(code, maxDepth);
    if (nodes.length === 0) throw AgencyErrors.notFound(code);
    return nodes.map(AgencyNodeView.fromNode);
  }

  /** Parent first, up to the top of the hierarchy. */
  async ancestors(code: string): Promise<AgencyNodeView[]> {
    if (!(await this.agencies.findByCode(code))) throw AgencyErrors.notFound(code);
    return (await this.agencies.ancestors(code)).map(AgencyNodeView.fromNode);
  }
}

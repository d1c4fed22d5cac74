import { Injectable } from '@nestjs/common';
import { AgencyErrors } from '../../agency.errors';
import { AgencyRepository } from '../../agency.repository';
import { AgencyNodeView, AgencySubtreePageView, AgencyView } from '../../agency.view';
import { encodeSubtreeCursor, type SubtreeCursor } from './subtree-cursor';

/** Public reads of one agency and of its place in the hierarchy. */
@Injectable()
export class GetAgencyUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async get(code: string): Promise<AgencyView> {
    const agency = await this.agencies.findByCode(code);
    if (!agency) throw AgencyErrors.notFound(code);
    return AgencyView.from(agency);
  }

  /**
   * The agency (depth 0) and every agency under it, down to `maxDepth` levels, a page of `limit` at a time in
   * (depth, code) order; `cursor` is the previous page's `nextCursor`.
   */
  async subtree(code: string, query: { maxDepth?: number; limit: number; cursor?: SubtreeCursor }): Promise<AgencySubtreePageView> {
    const nodes = await this.agencies.subtree(code, query.maxDepth, undefined, { after: query.cursor, limit: query.limit + 1 });
    if (nodes.length === 0 && !query.cursor) throw AgencyErrors.notFound(code);
    if (nodes.length === 0 && !(await this.agencies.findByCode(code))) throw AgencyErrors.notFound(code);
    const items = nodes.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map(AgencyNodeView.fromNode), nextCursor: nodes.length > query.limit ? encodeSubtreeCursor(last) : null };
  }

  /** Parent first, up to the top of the hierarchy. */
  async ancestors(code: string): Promise<AgencyNodeView[]> {
    if (!(await this.agencies.findByCode(code))) throw AgencyErrors.notFound(code);
    return (await this.agencies.ancestors(code)).map(AgencyNodeView.fromNode);
  }
}

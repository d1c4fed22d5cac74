import { Injectable } from '@nestjs/common';
import { AgencyErrors } from '../../agency.errors';
import { AgencyRepository } from '../../agency.repository';
import { AgencyNodeView, AgencySubtreePageView } from '../../agency.view';
import { encodeSubtreeCursor, type SubtreeCursor } from './subtree-cursor';

export interface GetAgencySubtreeQuery {
  code: string;
  maxDepth?: number;
  limit: number;
  /** The previous page's `nextCursor`. */
  cursor?: SubtreeCursor;
}

/** The agency (depth 0) and every agency under it, down to `maxDepth` levels, a page of `limit` at a time in (depth, code) order. */
@Injectable()
export class GetAgencySubtreeUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute({ code, ...query }: GetAgencySubtreeQuery): Promise<AgencySubtreePageView> {
    const nodes = await this.agencies.subtree(code, query.maxDepth, undefined, { after: query.cursor, limit: query.limit + 1 });
    if (nodes.length === 0 && !query.cursor) throw AgencyErrors.notFound(code);
    if (nodes.length === 0 && !(await this.agencies.findByCode(code))) throw AgencyErrors.notFound(code);
    const items = nodes.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map(AgencyNodeView.fromNode), nextCursor: nodes.length > query.limit ? encodeSubtreeCursor(last) : null };
  }
}

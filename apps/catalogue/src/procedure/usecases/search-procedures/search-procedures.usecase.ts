import { Injectable } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { ProcedureRepository } from '../../procedure.repository';
import { SearchHitView, type SearchPageView } from '../../procedure.view';
import type { SearchProceduresQuery } from './search-procedures.query';

/** Procedures in force now, accent- and case-insensitive, exact code first, stable pages with a total. */
@Injectable()
export class SearchProceduresUseCase {
  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: SearchProceduresQuery): Promise<SearchPageView> {
    const { hits, total } = await this.procedures.search({
      q: query.q,
      sector: query.sector,
      agency: query.agency,
      onlineLevel: query.onlineLevel,
      at: this.clock.now(),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: hits.map(SearchHitView.from), page: query.page, pageSize: query.pageSize, total };
  }
}

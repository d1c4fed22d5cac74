import { Injectable } from '@nestjs/common';
import type { Page } from '../../../shared/paging';
import { AgencyRepository } from '../../agency.repository';
import { AgencyView } from '../../agency.view';
import type { ListAgenciesQuery } from './list-agencies.query';

@Injectable()
export class ListAgenciesUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const { items, total } = await this.agencies.list(
      { level: query.level, parentCode: query.parent, active: query.active },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: items.map(AgencyView.from), page: query.page, pageSize: query.pageSize, total };
  }
}

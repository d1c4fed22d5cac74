import { Injectable } from '@nestjs/common';
import type { Page } from '../../../shared/paging';
import { SectorRepository } from '../../sector.repository';
import { SectorView } from '../../sector.view';

/** Sectors by code, a numbered page at a time. */
@Injectable()
export class ListSectorsUseCase {
  constructor(private readonly sectors: SectorRepository) {}

  async execute({ page, pageSize }: { page: number; pageSize: number }): Promise<Page<SectorView>> {
    const { items, total } = await this.sectors.list((page - 1) * pageSize, pageSize);
    return { items: items.map(SectorView.from), page, pageSize, total };
  }
}

import { Injectable } from '@nestjs/common';
import type { Page } from '../../../shared/paging';
import { SectorErrors } from '../../sector.errors';
import { SectorRepository } from '../../sector.repository';
import { SectorView } from '../../sector.view';

@Injectable()
export class GetSectorUseCase {
  constructor(private readonly sectors: SectorRepository) {}

  async get(code: string): Promise<SectorView> {
    const sector = await this.sectors.findByCode(code);
    if (!sector) throw SectorErrors.notFound(code);
    return SectorView.from(sector);
  }

  async list(page: number, pageSize: number): Promise<Page<SectorView>> {
    const { items, total } = await this.sectors.list((page - 1) * pageSize, pageSize);
    return { items: items.map(SectorView.from), page, pageSize, total };
  }
}

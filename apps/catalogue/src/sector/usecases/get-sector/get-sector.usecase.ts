import { Injectable } from '@nestjs/common';
import { SectorErrors } from '../../sector.errors';
import { SectorRepository } from '../../sector.repository';
import { SectorView } from '../../sector.view';

@Injectable()
export class GetSectorUseCase {
  constructor(private readonly sectors: SectorRepository) {}

  async execute({ code }: { code: string }): Promise<SectorView> {
    const sector = await this.sectors.findByCode(code);
    if (!sector) throw SectorErrors.notFound(code);
    return SectorView.from(sector);
  }
}

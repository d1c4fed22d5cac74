import { Injectable } from '@nestjs/common';
import { StatusMappingErrors } from '../../status-mapping.errors';
import { StatusMappingRepository } from '../../status-mapping.repository';
import { StatusMappingView } from '../../status-mapping.view';

@Injectable()
export class GetStatusMappingUseCase {
  constructor(private readonly mappings: StatusMappingRepository) {}

  async execute({ agencyCode, version }: { agencyCode: string; version?: number }): Promise<StatusMappingView> {
    const found = version === undefined ? await this.mappings.latest(agencyCode) : await this.mappings.version(agencyCode, version);
    if (!found) throw StatusMappingErrors.notFound(agencyCode, version);
    return StatusMappingView.from(found);
  }
}

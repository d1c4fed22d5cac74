import { Injectable } from '@nestjs/common';
import { requireVisible, type CallerIdentity } from '@hub/platform';
import type { DossierState } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';

/** An agency system sees only its own agencies' dossiers; another agency's dossier is "not found", like a missing one. */
@Injectable()
export class GetDossierUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  async execute(code: string, caller: CallerIdentity): Promise<DossierState> {
    return requireVisible(caller, await this.dossiers.findState(code), (d) => d.receivingAgencyCode, () => DossierErrors.notFound(code));
  }
}

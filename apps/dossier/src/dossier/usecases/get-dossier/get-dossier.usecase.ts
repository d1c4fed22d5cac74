import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import type { DossierState } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';
import { inScope } from '../../dossier-scope';

/** An agency system sees only its own agencies' dossiers; another agency's dossier is "not found", like a missing one. */
@Injectable()
export class GetDossierUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  async execute(code: string, caller: CallerIdentity): Promise<DossierState> {
    const dossier = await this.dossiers.findState(code);
    if (!dossier || !inScope(caller, dossier.receivingAgencyCode)) throw DossierErrors.notFound(code);
    return dossier;
  }
}

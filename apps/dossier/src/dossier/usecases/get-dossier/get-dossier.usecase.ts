import { Injectable } from '@nestjs/common';
import { requireVisible, type CallerIdentity } from '@hub/platform';
import type { DossierState } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';

/** The query: which dossier, and who asks. */
export interface GetDossierQuery {
  code: string;
  caller: CallerIdentity;
}

/** An agency system sees only its own agencies' dossiers; another agency's dossier is "not found", like a missing one. */
@Injectable()
export class GetDossierUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  async execute({ code, caller }: GetDossierQuery): Promise<DossierState> {
    return requireVisible(caller, await this.dossiers.findState(code), (d) => d.receivingAgencyCode, () => DossierErrors.notFound(code));
  }
}

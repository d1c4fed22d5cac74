import { Injectable } from '@nestjs/common';
import { authorize, requireVisible, type CallerIdentity } from '@hub/platform';
import type { DossierState } from '../../domain/dossier-state';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';

/** Which dossier, and who asks. */
export interface GetDossierStateQuery {
  code: string;
  caller: CallerIdentity;
}

/**
 * The dossier's state, for answers without personal data (history, notices). An agency system sees only its own
 * agencies' dossiers; another agency's dossier is "not found", like a missing one.
 */
@Injectable()
export class GetDossierStateUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  async execute({ code, caller }: GetDossierStateQuery): Promise<DossierState> {
    authorize(caller, 'dossier:read');
    return requireVisible(caller, await this.dossiers.findState(code), (d) => d.receivingAgencyCode, () => DossierErrors.notFound(code));
  }
}

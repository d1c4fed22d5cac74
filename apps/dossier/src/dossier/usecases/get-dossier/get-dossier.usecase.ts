import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';
import { DossierView } from './dossier.view';

/** An agency system sees only its own agencies' dossiers; another agency's dossier is "not found". */
@Injectable()
export class GetDossierUseCase {
  constructor(private readonly dossiers: DossierRepository) {}

  async execute(code: string, caller: CallerIdentity): Promise<DossierView> {
    const dossier = await this.dossiers.findByCode(code);
    if (!dossier || (caller.kind === 'agency-system' && !caller.agencyCodes.includes(dossier.receivingAgencyCode))) {
      throw DossierErrors.notFound(code);
    }
    return DossierView.from(dossier);
  }
}

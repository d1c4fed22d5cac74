import { Injectable } from '@nestjs/common';
import { authorize, requireVisible, type CallerIdentity } from '@hub/platform';
import type { DossierState } from '../../domain/dossier-state';
import { DossierDisclosure } from '../../dossier-disclosure';
import { DossierErrors } from '../../dossier.errors';
import { DossierRepository } from '../../dossier.repository';
import type { DossierView } from './dossier.view';

/** The query: which dossier, and who asks. */
export interface GetDossierQuery {
  code: string;
  caller: CallerIdentity;
}

/** An agency system sees only its own agencies' dossiers; another agency's dossier is "not found", like a missing one. */
@Injectable()
export class GetDossierUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly disclosure: DossierDisclosure,
  ) {}

  /** The dossier's state, for answers without personal data (history, notices). */
  async execute({ code, caller }: GetDossierQuery): Promise<DossierState> {
    authorize(caller, 'dossier:read');
    return requireVisible(caller, await this.dossiers.findState(code), (d) => d.receivingAgencyCode, () => DossierErrors.notFound(code));
  }

  /** The full record: personal data in full or masked as the access policy says, the read audited outside the owning agency. */
  async read({ purpose, ...query }: GetDossierQuery & { purpose: string | null }): Promise<DossierView> {
    return this.disclosure.view(await this.execute(query), query.caller, 'dossier.read', purpose);
  }
}

import { Injectable } from '@nestjs/common';
import type { EventTrace } from '@hub/platform';
import { DossierDisclosure } from '../../dossier-disclosure';
import { GetDossierStateUseCase, type GetDossierStateQuery } from '../get-dossier-state/get-dossier-state.usecase';
import type { DossierView } from './dossier.view';

/** Which dossier, who asks, and why (`x-access-purpose`), in which request: both kept in the audit trail. */
export interface GetDossierQuery extends GetDossierStateQuery {
  purpose: string | null;
  trace: EventTrace;
}

/**
 * The full record: personal data in full or masked as the access policy says, the read audited outside the owning
 * agency. Visible to the same callers as the state (GetDossierStateUseCase).
 */
@Injectable()
export class GetDossierUseCase {
  constructor(
    private readonly state: GetDossierStateUseCase,
    private readonly disclosure: DossierDisclosure,
  ) {}

  async execute({ purpose, trace, ...query }: GetDossierQuery): Promise<DossierView> {
    return this.disclosure.view(await this.state.execute(query), { caller: query.caller, trace }, 'dossier.read', purpose);
  }
}

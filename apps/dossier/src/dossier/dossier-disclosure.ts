import { Injectable } from '@nestjs/common';
import { Clock, personalDataAccess, type CommandOrigin } from '@hub/platform';
import { PersonalDataAudit } from '../personal-data-audit/personal-data-audit';
import type { DossierState } from './domain/dossier-state';
import { DossierView } from './usecases/get-dossier/dossier.view';

/**
 * Every answer that carries an applicant's personal data goes through here: the access policy decides whether the
 * reader sees it in full or masked, and a read outside the owning agency is written to the audit trail before the
 * data leaves (an audit failure fails the read).
 */
@Injectable()
export class DossierDisclosure {
  constructor(
    private readonly audit: PersonalDataAudit,
    private readonly clock: Clock,
  ) {}

  async view(state: DossierState, { caller, trace }: CommandOrigin, action: string, purpose: string | null = null): Promise<DossierView> {
    const access = personalDataAccess(caller, state.receivingAgencyCode);
    if (access.audited) {
      await this.audit.record(
        { caller, action, dossierCode: state.code, receivingAgencyCode: state.receivingAgencyCode, disclosure: access.disclosure, purpose, correlationId: trace.correlationId },
        this.clock.now(),
      );
    }
    return DossierView.from(state, access.disclosure);
  }
}

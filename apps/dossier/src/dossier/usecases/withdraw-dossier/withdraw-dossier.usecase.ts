import { Injectable } from '@nestjs/common';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { DossierDisclosure } from '../../dossier-disclosure';
import { AgencyFeedWriter } from '../../../agency-feed/agency-feed.writer';
import { DossierLifecycle } from '../../dossier-lifecycle';
import type { DossierView } from '../get-dossier/dossier.view';

export interface WithdrawDossierCommand {
  code: string;
  caller: CallerIdentity;
  trace: EventTrace;
}

/** The applicant withdraws through the portal: status 7, through the same machine as every change. */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(
    private readonly lifecycle: DossierLifecycle,
    private readonly disclosure: DossierDisclosure,
    private readonly feed: AgencyFeedWriter,
  ) {}

  async execute({ code, ...origin }: WithdrawDossierCommand): Promise<DossierView> {
    const state = await this.lifecycle.run(code, origin, (now) => ({ kind: 'withdraw', at: now }), {
      // The receiving agency's feed learns of it in the same transaction.
      onSaved: (tx, saved, now) => this.feed.record(tx, { type: 'dossier.withdrawn', dossierCode: saved.code, occurredAt: now, sourceKey: `dossier.withdrawn:${saved.code}` }),
    });
    return this.disclosure.view(state, origin, 'dossier.withdraw');
  }
}

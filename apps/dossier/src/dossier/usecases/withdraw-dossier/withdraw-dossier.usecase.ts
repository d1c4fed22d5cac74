import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { AgencyFeedWriter } from '../../../agency-feed/agency-feed.writer';
import { DossierLifecycle } from '../../dossier-lifecycle';
import { DossierView } from '../get-dossier/dossier.view';

/** The applicant withdraws through the portal: status 7, through the same machine as every change. */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(
    private readonly lifecycle: DossierLifecycle,
    private readonly feed: AgencyFeedWriter,
  ) {}

  async execute(code: string, caller: CallerIdentity): Promise<DossierView> {
    const state = await this.lifecycle.run(
      code,
      caller,
      (now) => ({ kind: 'withdraw', at: now }),
      // The receiving agency's feed learns of it in the same transaction.
      (tx, saved, now) => this.feed.record(tx, { type: 'dossier.withdrawn', dossierCode: saved.code, occurredAt: now, sourceKey: `dossier.withdrawn:${saved.code}` }),
    );
    return DossierView.from(state);
  }
}

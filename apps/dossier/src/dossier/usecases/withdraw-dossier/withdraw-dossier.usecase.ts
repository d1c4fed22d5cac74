import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { DossierLifecycle } from '../../dossier-lifecycle';
import { DossierView } from '../get-dossier/dossier.view';

export interface WithdrawDossierCommand {
  code: string;
  caller: CallerIdentity;
}

/** The applicant withdraws through the portal: status 7, through the same machine as every change. */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(private readonly lifecycle: DossierLifecycle) {}

  async execute({ code, caller }: WithdrawDossierCommand): Promise<DossierView> {
    return DossierView.from(await this.lifecycle.run(code, caller, (now) => ({ kind: 'withdraw', at: now })));
  }
}

import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@hub/platform';
import { DossierDisclosure } from '../../dossier-disclosure';
import { DossierLifecycle } from '../../dossier-lifecycle';
import type { DossierView } from '../get-dossier/dossier.view';

export interface WithdrawDossierCommand {
  code: string;
  caller: CallerIdentity;
}

/** The applicant withdraws through the portal: status 7, through the same machine as every change. */
@Injectable()
export class WithdrawDossierUseCase {
  constructor(
    private readonly lifecycle: DossierLifecycle,
    private readonly disclosure: DossierDisclosure,
  ) {}

  async execute({ code, caller }: WithdrawDossierCommand): Promise<DossierView> {
    return this.disclosure.view(await this.lifecycle.run(code, caller, (now) => ({ kind: 'withdraw', at: now })), caller, 'dossier.withdraw');
  }
}

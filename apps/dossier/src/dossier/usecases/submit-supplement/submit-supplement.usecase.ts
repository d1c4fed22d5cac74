import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { DossierDisclosure } from '../../dossier-disclosure';
import { AgencyFeedWriter } from '../../../agency-feed/agency-feed.writer';
import { DossierLifecycle } from '../../dossier-lifecycle';
import type { DossierView } from '../get-dossier/dossier.view';

export class SubmitSupplementBody {
  @ApiPropertyOptional({ maxLength: 2000, description: 'What the applicant supplied', example: 'Bổ sung bản vẽ thiết kế mặt bằng theo Phiếu yêu cầu bổ sung số 12/TB-SXD' })
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export interface SubmitSupplementCommand {
  code: string;
  note: string | null;
  caller: CallerIdentity;
  trace: EventTrace;
}

/**
 * The applicant supplies documents while the dossier is in status 5. The status does not change: the agency sees
 * the supplement as a change of the dossier and moves it back to 4 itself.
 */
@Injectable()
export class SubmitSupplementUseCase {
  constructor(
    private readonly lifecycle: DossierLifecycle,
    private readonly disclosure: DossierDisclosure,
    private readonly feed: AgencyFeedWriter,
  ) {}

  async execute({ caller, trace, ...command }: SubmitSupplementCommand): Promise<DossierView> {
    const state = await this.lifecycle.run(command.code, { caller, trace }, (now) => ({ kind: 'supplement', at: now, note: command.note }), {
      // The receiving agency's feed learns of it in the same transaction (no event carries supplements).
      onSaved: (tx, saved, now) =>
        this.feed.record(tx, {
          type: 'dossier.supplement-submitted',
          dossierCode: saved.code,
          occurredAt: now,
          sourceKey: `dossier.supplement-submitted:${saved.code}:${now.toISOString()}`,
          supplement: { note: command.note },
        }),
    });
    return this.disclosure.view(state, { caller, trace }, 'dossier.supplement');
  }
}

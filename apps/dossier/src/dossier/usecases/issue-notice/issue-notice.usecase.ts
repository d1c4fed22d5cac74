import { Injectable } from '@nestjs/common';
import type { CallerIdentity, EventTrace } from '@hub/platform';
import { NoticeView } from '../get-dossier/dossier.view';
import { DossierLifecycle } from '../../dossier-lifecycle';
import { noticeInputOf } from '../sync-dossiers/sync-record.parser';
import type { NoticeDto } from './notice.dto';

export interface IssueNoticeCommand {
  code: string;
  notice: NoticeDto;
  caller: CallerIdentity;
  trace: EventTrace;
}

/** The agency records a notice (form 04: the one apology and new appointment). */
@Injectable()
export class IssueNoticeUseCase {
  constructor(private readonly lifecycle: DossierLifecycle) {}

  async execute({ caller, trace, ...command }: IssueNoticeCommand): Promise<NoticeView> {
    const notice = noticeInputOf(command.notice);
    const state = await this.lifecycle.run(command.code, { caller, trace }, () => ({ kind: 'issue-notice', notice }));
    const stored = state.notices.find((n) => n.form === notice.form && n.number === notice.number);
    return NoticeView.from(stored ?? { ...notice, late: false, source: 'agency' });
  }
}

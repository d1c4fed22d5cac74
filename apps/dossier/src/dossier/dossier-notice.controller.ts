import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, type CallerIdentity, type EventTrace, RequireRoles, Trace } from '@hub/platform';
import { ProcedureVersionRepository } from '../procedure-read-model/procedure-version.repository';
import { DossierCodePipe } from './dossier.controller';
import { renderNoticesHtml } from './notice-html';
import { NoticeView } from './usecases/get-dossier/dossier.view';
import { GetDossierStateUseCase } from './usecases/get-dossier-state/get-dossier-state.usecase';
import { NoticeDto } from './usecases/issue-notice/notice.dto';
import { IssueNoticeUseCase } from './usecases/issue-notice/issue-notice.usecase';
import { PathExamples } from './path-examples';

@ApiTags('dossiers')
@Controller('v1/dossiers/:code/notices')
@PathExamples.dossierCode()
export class DossierNoticeController {
  constructor(
    private readonly getDossierState: GetDossierStateUseCase,
    private readonly issueNotice: IssueNoticeUseCase,
    private readonly procedures: ProcedureVersionRepository,
  ) {}

  @Get()
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'The notices of a dossier (forms 01–05); with `Accept: text/html`, a printable Vietnamese page' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: [NoticeView] })
  async list(
    @Param('code', DossierCodePipe) code: string,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: CallerIdentity,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NoticeView[] | string> {
    const dossier = await this.getDossierState.execute({ code, caller });
    if (!(accept ?? '').includes('text/html')) return dossier.notices.map(NoticeView.from);
    reply.type('text/html; charset=utf-8');
    return renderNoticesHtml(dossier, await this.procedures.nameOf(dossier.procedureCode, dossier.procedureVersion));
  }

  @Post()
  @HttpCode(201)
  @RequireRoles('dossier:notice')
  @ApiOperation({ summary: 'Record a notice; form 04 (apology and new appointment) moves the due date, once per dossier' })
  @ApiCreatedResponse({ type: NoticeView })
  issue(@Param('code', DossierCodePipe) code: string, @Body() notice: NoticeDto, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<NoticeView> {
    return this.issueNotice.execute({ code, notice, caller, trace });
  }
}

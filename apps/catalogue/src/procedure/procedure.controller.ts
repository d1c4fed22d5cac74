import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, Public, RequireRoles, Trace, validationFailed, type CallerIdentity, type EventTrace } from '@hub/platform';
import { parseInstantOrDate } from '../shared/dates';
import { PathParams } from '../shared/path-params';
import { CreateProcedureCommand, ProcedureContentDto } from './procedure-content';
import { DraftView, ProcedureView, PublishedVersionView, SearchPageView, VersionHistoryView, WithdrawnView } from './procedure.view';
import { CreateProcedureUseCase } from './usecases/create-procedure/create-procedure.usecase';
import { GetDraftUseCase } from './usecases/get-draft/get-draft.usecase';
import { GetProcedureUseCase } from './usecases/get-procedure/get-procedure.usecase';
import { GetProcedureVersionUseCase } from './usecases/get-procedure-version/get-procedure-version.usecase';
import { ListProcedureVersionsUseCase } from './usecases/list-procedure-versions/list-procedure-versions.usecase';
import { PublishProcedureCommand } from './usecases/publish-procedure/publish-procedure.command';
import { PublishProcedureUseCase } from './usecases/publish-procedure/publish-procedure.usecase';
import { PutDraftUseCase } from './usecases/put-draft/put-draft.usecase';
import { SearchProceduresQuery } from './usecases/search-procedures/search-procedures.query';
import { SearchProceduresUseCase } from './usecases/search-procedures/search-procedures.usecase';
import { WithdrawProcedureCommand } from './usecases/withdraw-procedure/withdraw-procedure.command';
import { WithdrawProcedureUseCase } from './usecases/withdraw-procedure/withdraw-procedure.usecase';
import { PathExamples } from '../shared/path-examples';

@ApiTags('procedures')
@Controller('v1/procedures')
export class ProcedureController {
  constructor(
    private readonly createProcedure: CreateProcedureUseCase,
    private readonly putDraft: PutDraftUseCase,
    private readonly publishProcedure: PublishProcedureUseCase,
    private readonly withdrawProcedure: WithdrawProcedureUseCase,
    private readonly getProcedure: GetProcedureUseCase,
    private readonly getProcedureVersion: GetProcedureVersionUseCase,
    private readonly listProcedureVersions: ListProcedureVersionsUseCase,
    private readonly getDraft: GetDraftUseCase,
    private readonly searchProcedures: SearchProceduresUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Create a procedure as a draft with every mandatory part (nothing is published yet)' })
  @ApiCreatedResponse({ type: DraftView })
  create(@Body() command: CreateProcedureCommand): Promise<DraftView> {
    return this.createProcedure.execute(command);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search procedures in force: accent- and case-insensitive, exact code first, ranked, paged with a total' })
  @ApiOkResponse({ type: SearchPageView })
  search(@Query() query: SearchProceduresQuery): Promise<SearchPageView> {
    return this.searchProcedures.execute(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'The version in force now, or on `asOf`' })
  @PathExamples.procedureCode()
  @ApiQuery({ name: 'asOf', required: false, description: 'Date (00:00 that day, Asia/Ho_Chi_Minh) or ISO-8601 date-time with offset' })
  @ApiOkResponse({ type: ProcedureView })
  get(@Param('code', PathParams.procedureCode()) code: string, @Query('asOf') asOf?: string): Promise<ProcedureView> {
    return this.getProcedure.execute({ code, asOf: parseAsOf(asOf) });
  }

  @Get(':code/versions')
  @Public()
  @ApiOperation({ summary: 'Every published version with its validity, oldest first' })
  @PathExamples.procedureCode()
  @ApiOkResponse({ type: VersionHistoryView })
  versions(@Param('code', PathParams.procedureCode()) code: string): Promise<VersionHistoryView> {
    return this.listProcedureVersions.execute({ code });
  }

  @Get(':code/versions/:version')
  @Public()
  @ApiOperation({ summary: 'One published version with all its content' })
  @PathExamples.procedureCode()
  @PathExamples.version()
  @ApiOkResponse({ type: ProcedureView })
  version(@Param('code', PathParams.procedureCode()) code: string, @Param('version', PathParams.version()) version: string): Promise<ProcedureView> {
    return this.getProcedureVersion.execute({ code, version: Number(version) });
  }

  @Get(':code/draft')
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'The draft of the next version' })
  @PathExamples.procedureCode()
  @ApiOkResponse({ type: DraftView })
  draft(@Param('code', PathParams.procedureCode()) code: string): Promise<DraftView> {
    return this.getDraft.execute({ code });
  }

  @Put(':code/draft')
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Replace the draft of the next version (to change a published procedure, draft then publish)' })
  @PathExamples.procedureCode()
  @ApiOkResponse({ type: DraftView })
  replaceDraft(@Param('code', PathParams.procedureCode()) code: string, @Body() command: ProcedureContentDto): Promise<DraftView> {
    return this.putDraft.execute({ code, content: command });
  }

  @Post(':code/publish')
  @HttpCode(201)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Publish the draft as a new version; the previous version gets effectiveTo; emits catalogue.procedure.published.v1' })
  @PathExamples.procedureCode()
  @ApiCreatedResponse({ type: PublishedVersionView })
  publish(
    @Param('code', PathParams.procedureCode()) code: string,
    @Body() command: PublishProcedureCommand,
    @Caller() caller: CallerIdentity,
    @Trace() trace: EventTrace,
  ): Promise<PublishedVersionView> {
    return this.publishProcedure.execute({ ...command, code, caller, trace });
  }

  @Post(':code/withdraw')
  @HttpCode(200)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Withdraw (abolish) the procedure; emits catalogue.procedure.withdrawn.v1' })
  @PathExamples.procedureCode()
  @ApiOkResponse({ type: WithdrawnView })
  withdraw(
    @Param('code', PathParams.procedureCode()) code: string,
    @Body() command: WithdrawProcedureCommand,
    @Caller() caller: CallerIdentity,
    @Trace() trace: EventTrace,
  ): Promise<WithdrawnView> {
    return this.withdrawProcedure.execute({ ...command, code, caller, trace });
  }
}

function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = parseInstantOrDate(value);
  if (!at) {
    throw validationFailed([
      { field: 'asOf', code: 'IS_INSTANT_OR_DATE', message: 'asOf must be a date (YYYY-MM-DD) or an ISO-8601 date-time with an offset' },
    ]);
  }
  return at;
}

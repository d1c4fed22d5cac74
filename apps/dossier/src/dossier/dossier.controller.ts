import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { ACCESS_PURPOSE_HEADER, accessPurposeOf, Caller, type CallerIdentity, type EventTrace, MAX_ACCESS_PURPOSE_LENGTH, PatternPipe, RequireRoles, Trace, validationFailed } from '@hub/platform';
import { DossierView, StatusChangeView } from './usecases/get-dossier/dossier.view';
import { GetDossierUseCase } from './usecases/get-dossier/get-dossier.usecase';
import { GetDossierStateUseCase } from './usecases/get-dossier-state/get-dossier-state.usecase';
import { DossierPage, ListDossiersQuery } from './usecases/list-dossiers/list-dossiers.query';
import { ListDossiersUseCase } from './usecases/list-dossiers/list-dossiers.usecase';
import { SubmitDossierCommand, SubmittedDossierDto } from './usecases/submit-dossier/submit-dossier.command';
import { SubmitDossierUseCase } from './usecases/submit-dossier/submit-dossier.usecase';
import { PathExamples } from './path-examples';

export const DossierCodePipe = new PatternPipe(DOSSIER_CODE_PATTERN, 'code', DOSSIER_CODE_EXAMPLE);

@ApiTags('dossiers')
@Controller('v1/dossiers')
export class DossierController {
  constructor(
    private readonly submitDossier: SubmitDossierUseCase,
    private readonly getDossier: GetDossierUseCase,
    private readonly getDossierState: GetDossierStateUseCase,
    private readonly listDossiers: ListDossiersUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('dossier:submit')
  @ApiOperation({ summary: 'Submit a dossier online (status 1) for a published procedure' })
  @ApiCreatedResponse({ type: SubmittedDossierDto })
  submit(@Body() command: SubmitDossierCommand, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<SubmittedDossierDto> {
    // Object.assign, not `{ ...command, caller, trace }`: fields added after a spread are Node 20's slow path.
    return this.submitDossier.execute(Object.assign({}, command, { caller, trace }));
  }

  @Get()
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'Dossiers by update time (keyset pages), filtered by agency, status and due state; scoped to the caller' })
  @ApiOkResponse({ type: DossierPage })
  list(@Query() query: ListDossiersQuery, @Caller() caller: CallerIdentity): Promise<DossierPage> {
    return this.listDossiers.execute({ query, caller });
  }

  @Get(':code')
  @PathExamples.dossierCode()
  @RequireRoles('dossier:read')
  @ApiOperation({
    summary: 'The national record of a dossier, if the caller may see it',
    description: 'Readers other than the owning agency see ID numbers, phones and e-mails masked unless they hold dossier:read-personal; their reads are audited (GET /v1/personal-data-reads).',
  })
  @ApiHeader({ name: ACCESS_PURPOSE_HEADER, required: false, description: `Why the record is read (kept in the audit trail; percent-encode non-ASCII text; at most ${MAX_ACCESS_PURPOSE_LENGTH} characters)` })
  @ApiOkResponse({ type: DossierView })
  get(@Param('code', DossierCodePipe) code: string, @Headers(ACCESS_PURPOSE_HEADER) purposeHeader: string | undefined, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<DossierView> {
    const purpose = accessPurposeOf(purposeHeader);
    if (purpose === undefined) {
      throw validationFailed([{ field: ACCESS_PURPOSE_HEADER, code: 'INVALID_PURPOSE', message: `at most ${MAX_ACCESS_PURPOSE_LENGTH} characters, no control characters, sent once` }]);
    }
    return this.getDossier.execute({ code, caller, purpose, trace });
  }

  @Get(':code/history')
  @PathExamples.dossierCode()
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'Every status change with its time, source (sync / portal / hub) and the version that carried it' })
  @ApiOkResponse({ type: [StatusChangeView] })
  async history(@Param('code', DossierCodePipe) code: string, @Caller() caller: CallerIdentity): Promise<StatusChangeView[]> {
    return (await this.getDossierState.execute({ code, caller })).history.map(StatusChangeView.from);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { Caller, PatternPipe, RequireRoles, type CallerIdentity } from '@hub/platform';
import { DossierView, StatusChangeView } from './usecases/get-dossier/dossier.view';
import { GetDossierUseCase } from './usecases/get-dossier/get-dossier.usecase';
import { DossierPage, ListDossiersQuery } from './usecases/list-dossiers/list-dossiers.query';
import { ListDossiersUseCase } from './usecases/list-dossiers/list-dossiers.usecase';
import { SubmitDossierCommand, SubmittedDossierDto } from './usecases/submit-dossier/submit-dossier.command';
import { SubmitDossierUseCase } from './usecases/submit-dossier/submit-dossier.usecase';

export const DossierCodePipe = new PatternPipe(DOSSIER_CODE_PATTERN, 'code', DOSSIER_CODE_EXAMPLE);

@ApiTags('dossiers')
@Controller('v1/dossiers')
export class DossierController {
  constructor(
    private readonly submitDossier: SubmitDossierUseCase,
    private readonly getDossier: GetDossierUseCase,
    private readonly listDossiers: ListDossiersUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('dossier:submit')
  @ApiOperation({ summary: 'Submit a dossier online (status 1) for a published procedure' })
  @ApiCreatedResponse({ type: SubmittedDossierDto })
  submit(@Body() command: SubmitDossierCommand, @Caller() caller: CallerIdentity): Promise<SubmittedDossierDto> {
    return this.submitDossier.execute({ ...command, caller });
  }

  @Get()
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'Dossiers by update time (keyset pages), filtered by agency, status and due state; scoped to the caller' })
  @ApiOkResponse({ type: DossierPage })
  list(@Query() query: ListDossiersQuery, @Caller() caller: CallerIdentity): Promise<DossierPage> {
    return this.listDossiers.execute({ query, caller });
  }

  @Get(':code')
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'The national record of a dossier, if the caller may see it' })
  @ApiOkResponse({ type: DossierView })
  async get(@Param('code', DossierCodePipe) code: string, @Caller() caller: CallerIdentity): Promise<DossierView> {
    return DossierView.from(await this.getDossier.execute({ code, caller }));
  }

  @Get(':code/history')
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'Every status change with its time, source (sync / portal / hub) and the version that carried it' })
  @ApiOkResponse({ type: [StatusChangeView] })
  async history(@Param('code', DossierCodePipe) code: string, @Caller() caller: CallerIdentity): Promise<StatusChangeView[]> {
    return (await this.getDossier.execute({ code, caller })).history.map(StatusChangeView.from);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { Caller, PatternPipe, RequireRoles, type CallerIdentity } from '@hub/platform';
import { GetDossierUseCase } from './usecases/get-dossier/get-dossier.usecase';
import { DossierView } from './usecases/get-dossier/dossier.view';
import { SubmitDossierCommand, SubmittedDossierDto } from './usecases/submit-dossier/submit-dossier.command';
import { SubmitDossierUseCase } from './usecases/submit-dossier/submit-dossier.usecase';

@ApiTags('dossiers')
@Controller('v1/dossiers')
export class DossierController {
  constructor(
    private readonly submitDossier: SubmitDossierUseCase,
    private readonly getDossier: GetDossierUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('dossier:submit')
  @ApiOperation({ summary: 'Submit a dossier online (status 1) for a published procedure' })
  @ApiCreatedResponse({ type: SubmittedDossierDto })
  submit(@Body() command: SubmitDossierCommand, @Caller() caller: CallerIdentity): Promise<SubmittedDossierDto> {
    return this.submitDossier.execute(command, caller);
  }

  @Get(':code')
  @RequireRoles('dossier:read')
  @ApiOperation({ summary: 'A dossier, if the caller may see it' })
  @ApiOkResponse({ type: DossierView })
  get(@Param('code', new PatternPipe(DOSSIER_CODE_PATTERN, 'code', DOSSIER_CODE_EXAMPLE)) code: string, @Caller() caller: CallerIdentity): Promise<DossierView> {
    return this.getDossier.execute(code, caller);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { Caller, ProblemException, RequireRoles, type CallerIdentity } from '@hub/platform';
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
  get(@Param('code') code: string, @Caller() caller: CallerIdentity): Promise<DossierView> {
    if (!DOSSIER_CODE_PATTERN.test(code)) {
      throw new ProblemException({
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Invalid dossier code',
        titleVi: 'Mã hồ sơ không hợp lệ',
        errors: [{ field: 'code', code: 'INVALID_FORMAT', message: 'dossier code must look like 000.00.15.H31-260112-0001' }],
      });
    }
    return this.getDossier.execute(code, caller);
  }
}

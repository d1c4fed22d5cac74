import { Body, Controller, HttpCode, Param, Post, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, type CallerIdentity, type EventTrace, RequireRoles, Trace, validationFailed } from '@hub/platform';
import { DossierCodePipe } from './dossier.controller';
import { DossierView } from './usecases/get-dossier/dossier.view';
import { SubmitSupplementBody, SubmitSupplementUseCase } from './usecases/submit-supplement/submit-supplement.usecase';
import { WithdrawDossierUseCase } from './usecases/withdraw-dossier/withdraw-dossier.usecase';
import { PathExamples } from './path-examples';

/** `<code>:withdraw` → the dossier code (the only POST on /v1/dossiers/{…}). */
const WithdrawTargetPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    const match = /^(.+):withdraw$/.exec(value);
    if (!match) throw validationFailed([{ field: 'code', code: 'UNKNOWN_ACTION', message: 'POST /v1/dossiers/{code}:withdraw is the only action on a dossier path' }]);
    return DossierCodePipe.transform(match[1]);
  },
};

/** The applicant's own actions, through the portal, on the same status machine as the agencies' changes. */
@ApiTags('dossiers')
@Controller('v1/dossiers')
export class DossierApplicantController {
  constructor(
    private readonly withdrawDossier: WithdrawDossierUseCase,
    private readonly submitSupplement: SubmitSupplementUseCase,
  ) {}

  // /v1/dossiers/{code}:withdraw — Fastify cannot split a parameter from a `:` suffix, so the pipe does.
  @Post(':code')
  @PathExamples.dossierCode()
  @HttpCode(200)
  @RequireRoles('dossier:applicant-action')
  @ApiOperation({ summary: 'The applicant withdraws the dossier (status 7)' })
  @ApiOkResponse({ type: DossierView })
  withdraw(@Param('code', WithdrawTargetPipe) code: string, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<DossierView> {
    return this.withdrawDossier.execute({ code, caller, trace });
  }

  @Post(':code/supplements')
  @PathExamples.dossierCode()
  @HttpCode(200)
  @RequireRoles('dossier:applicant-action')
  @ApiOperation({ summary: 'The applicant supplies documents (status 5 only; the agency moves the dossier back to 4)' })
  @ApiOkResponse({ type: DossierView })
  supplement(@Param('code', DossierCodePipe) code: string, @Body() body: SubmitSupplementBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<DossierView> {
    return this.submitSupplement.execute({ code, note: body.note ?? null, caller, trace });
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { Caller, PatternPipe, RequireRoles, type CallerIdentity } from '@hub/platform';
import { RatingEligibilityView } from './usecases/get-rating-eligibility/rating-eligibility';
import { GetRatingEligibilityUseCase } from './usecases/get-rating-eligibility/get-rating-eligibility.usecase';

@ApiTags('ratings')
@Controller('v1/ratings')
export class RatingController {
  constructor(private readonly getEligibility: GetRatingEligibilityUseCase) {}

  @Get('eligibility/:dossierCode')
  @RequireRoles('rating:read')
  @ApiOperation({ summary: 'Whether the applicant of a dossier can rate it now' })
  @ApiParam({ name: 'dossierCode', example: DOSSIER_CODE_EXAMPLE, description: 'Dossier code' })
  @ApiOkResponse({ type: RatingEligibilityView })
  get(
    @Param('dossierCode', new PatternPipe(DOSSIER_CODE_PATTERN, 'dossierCode', DOSSIER_CODE_EXAMPLE)) dossierCode: string,
    @Caller() caller: CallerIdentity,
  ): Promise<RatingEligibilityView> {
    return this.getEligibility.execute({ dossierCode, caller });
  }
}

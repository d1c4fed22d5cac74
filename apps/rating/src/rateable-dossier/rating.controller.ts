import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { Caller, ProblemException, RequireRoles, type CallerIdentity } from '@hub/platform';
import { RatingEligibilityView } from './usecases/get-rating-eligibility/rating-eligibility';
import { GetRatingEligibilityUseCase } from './usecases/get-rating-eligibility/get-rating-eligibility.usecase';

@ApiTags('ratings')
@Controller('v1/ratings')
export class RatingController {
  constructor(private readonly getEligibility: GetRatingEligibilityUseCase) {}

  @Get('eligibility/:dossierCode')
  @RequireRoles('rating:read')
  @ApiOperation({ summary: 'Whether the applicant of a dossier can rate it now' })
  @ApiOkResponse({ type: RatingEligibilityView })
  get(@Param('dossierCode') dossierCode: string, @Caller() caller: CallerIdentity): Promise<RatingEligibilityView> {
    if (!DOSSIER_CODE_PATTERN.test(dossierCode)) {
      throw new ProblemException({
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Invalid dossier code',
        titleVi: 'Mã hồ sơ không hợp lệ',
        errors: [{ field: 'dossierCode', code: 'INVALID_FORMAT', message: 'dossier code must look like 000.00.15.H31-260112-0001' }],
      });
    }
    return this.getEligibility.execute(dossierCode, caller);
  }
}

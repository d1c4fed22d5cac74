import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequireRoles, type CallerIdentity } from '@hub/platform';
import { DossierPaymentsQuery, DossierPaymentsView } from './usecases/get-dossier-payments/dossier-payments.view';
import { GetDossierPaymentsUseCase } from './usecases/get-dossier-payments/get-dossier-payments.usecase';

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentController {
  constructor(private readonly getDossierPayments: GetDossierPaymentsUseCase) {}

  @Get()
  @RequireRoles('payment:read')
  @ApiOperation({ summary: "A dossier's fee assessment and payments" })
  @ApiOkResponse({ type: DossierPaymentsView })
  list(@Query() query: DossierPaymentsQuery, @Caller() caller: CallerIdentity): Promise<DossierPaymentsView> {
    return this.getDossierPayments.execute(query.dossierCode, caller);
  }
}

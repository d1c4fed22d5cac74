import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, PatternPipe, RequireRoles, Trace, type CallerIdentity, type EventTrace } from '@hub/platform';
import type { FastifyRequest } from 'fastify';
import { DossierPaymentsQuery, DossierPaymentsView } from '../fee-assessment/usecases/get-dossier-payments/dossier-payments.view';
import { GetDossierPaymentsUseCase } from '../fee-assessment/usecases/get-dossier-payments/get-dossier-payments.usecase';
import { RefundView, RequestRefundBody } from '../refund/usecases/request-refund/request-refund.dto';
import { RequestRefundUseCase } from '../refund/usecases/request-refund/request-refund.usecase';
import { CreatedPaymentView, CreatePaymentBody } from './usecases/create-payment/create-payment.dto';
import { CreatePaymentUseCase } from './usecases/create-payment/create-payment.usecase';
import { PathExamples } from '../shared/path-examples';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentController {
  constructor(
    private readonly getDossierPayments: GetDossierPaymentsUseCase,
    private readonly createPayment: CreatePaymentUseCase,
    private readonly requestRefund: RequestRefundUseCase,
  ) {}

  @Get()
  @RequireRoles('payment:read')
  @ApiOperation({ summary: "A dossier's fee assessment, payment requests and payments" })
  @ApiOkResponse({ type: DossierPaymentsView })
  list(@Query() query: DossierPaymentsQuery, @Caller() caller: CallerIdentity): Promise<DossierPaymentsView> {
    return this.getDossierPayments.execute(query.dossierCode, caller);
  }

  @Post()
  @RequireRoles('payment:create')
  @ApiOperation({ summary: 'Start paying a request at a provider: answers the payment page URL (one payment in flight per request)' })
  @ApiCreatedResponse({ type: CreatedPaymentView })
  create(@Body() body: CreatePaymentBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace, @Req() req: FastifyRequest): Promise<CreatedPaymentView> {
    return this.createPayment.execute({ ...body, caller, trace, clientIp: req.ip });
  }

  @Post(':paymentId/refunds')
  @HttpCode(202)
  @RequireRoles('payment:refund')
  @ApiOperation({ summary: 'Refund (part of) a succeeded payment; sent to the provider asynchronously' })
  @PathExamples.paymentId()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiAcceptedResponse({ type: RefundView })
  refund(
    @Param('paymentId', new PatternPipe((v) => UUID.test(v), 'paymentId', 'a UUID')) paymentId: string,
    @Body() body: RequestRefundBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: CallerIdentity,
  ): Promise<RefundView> {
    return this.requestRefund.execute({ ...body, paymentId, idempotencyKey, caller });
  }
}

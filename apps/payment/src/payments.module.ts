import { Module, type DynamicModule } from '@nestjs/common';
import { PersistenceModule } from '@hub/persistence';
import { CallbackController } from './callback/callback.controller';
import { CallbackLogRepository } from './callback/callback-log.repository';
import { HandleCallbackUseCase } from './callback/usecases/handle-callback/handle-callback.usecase';
import { PaymentConfig } from './config/payment.config';
import { DossierReceivedConsumer } from './fee-assessment/consumers/dossier-received.consumer';
import { FeeAssessmentEntity } from './fee-assessment/fee-assessment.entity';
import { FeeAssessmentRepository } from './fee-assessment/fee-assessment.repository';
import { AssessFeesUseCase } from './fee-assessment/usecases/assess-fees/assess-fees.usecase';
import { GetDossierPaymentsUseCase } from './fee-assessment/usecases/get-dossier-payments/get-dossier-payments.usecase';
import { ProcedurePublishedConsumer } from './fee-schedule/consumers/procedure-published.consumer';
import { FeeScheduleEntity } from './fee-schedule/fee-schedule.entity';
import { FeeScheduleRepository } from './fee-schedule/fee-schedule.repository';
import { DossierStatusChangedConsumer } from './payment-request/consumers/dossier-status-changed.consumer';
import { PaymentRequestRepository } from './payment-request/payment-request.repository';
import { OpenPaymentRequestUseCase } from './payment-request/usecases/open-request/open-request.usecase';
import { ExpirePaymentsJob } from './payment/expire-payments.job';
import { PaymentController } from './payment/payment.controller';
import { PaymentRepository } from './payment/payment.repository';
import { CreatePaymentUseCase } from './payment/usecases/create-payment/create-payment.usecase';
import { ExpirePaymentsUseCase } from './payment/usecases/expire-payments/expire-payments.usecase';
import { SettlePayment } from './payment/usecases/settle-payment/settle-payment';
import { ProviderRegistry } from './provider/provider.registry';
import { DailyReconcileJob } from './reconciliation/daily-reconcile.job';
import { ReconciliationController } from './reconciliation/reconciliation.controller';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { GetReconciliationUseCase } from './reconciliation/usecases/get-reconciliation/get-reconciliation.usecase';
import { ReconcileStatementUseCase } from './reconciliation/usecases/reconcile-statement/reconcile-statement.usecase';
import { ResolveExceptionUseCase } from './reconciliation/usecases/resolve-exception/resolve-exception.usecase';
import { DispatchRefundsJob } from './refund/dispatch-refunds.job';
import { RefundRepository } from './refund/refund.repository';
import { CompleteRefundUseCase } from './refund/usecases/complete-refund/complete-refund.usecase';
import { DispatchRefundsUseCase } from './refund/usecases/dispatch-refunds/dispatch-refunds.usecase';
import { RequestRefundUseCase } from './refund/usecases/request-refund/request-refund.usecase';

/**
 * The payment service's aggregates: fee schedule and assessment, payment requests, payments, callbacks, refunds,
 * reconciliations, and the provider adapters. One module: their use cases call each other within a transaction.
 */
@Module({})
export class PaymentsModule {
  static forRoot(config: PaymentConfig, providers: ProviderRegistry = ProviderRegistry.fromConfig(config)): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [PersistenceModule.forFeature([FeeAssessmentEntity, FeeScheduleEntity])],
      controllers: [PaymentController, CallbackController, ReconciliationController],
      providers: [
        { provide: PaymentConfig, useValue: config },
        { provide: ProviderRegistry, useValue: providers },
        FeeAssessmentRepository,
        FeeScheduleRepository,
        PaymentRequestRepository,
        PaymentRepository,
        RefundRepository,
        CallbackLogRepository,
        ReconciliationRepository,
        AssessFeesUseCase,
        GetDossierPaymentsUseCase,
        OpenPaymentRequestUseCase,
        CreatePaymentUseCase,
        SettlePayment,
        ExpirePaymentsUseCase,
        HandleCallbackUseCase,
        RequestRefundUseCase,
        CompleteRefundUseCase,
        DispatchRefundsUseCase,
        ReconcileStatementUseCase,
        GetReconciliationUseCase,
        ResolveExceptionUseCase,
        DossierReceivedConsumer,
        ProcedurePublishedConsumer,
        DossierStatusChangedConsumer,
        ExpirePaymentsJob,
        DispatchRefundsJob,
        DailyReconcileJob,
      ],
    };
  }
}

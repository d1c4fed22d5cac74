import { describeHostileInput, startServiceUnderTest } from '@hub/testing';
import { PaymentConfig } from '../src/config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from '../src/payment-app.module';

describeHostileInput('payment', () => startServiceUnderTest({ service: PAYMENT_SERVICE, configClass: PaymentConfig, module: PaymentAppModule.forRoot }), {
  // Fee schedules and assessments (and their events) come from the catalogue's and dossier's topics.
  writtenByConsumers: ['fee_schedule', 'fee_assessment', 'payment_request', 'outbox', 'inbox'],
});

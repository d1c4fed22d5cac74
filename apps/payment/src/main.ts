import { createServiceApp, loadConfig, startServiceApp } from '@hub/platform';
import { PaymentConfig } from './config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from './payment-app.module';

async function main(): Promise<void> {
  const config = loadConfig(PaymentConfig);
  const app = await createServiceApp(PaymentAppModule.forRoot(config), {
    service: PAYMENT_SERVICE,
    config,
    openApi: { title: 'Hub payment service', description: 'Fees, provider callbacks and reconciliation', version: '1' },
  });
  await startServiceApp(app, config.PORT);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

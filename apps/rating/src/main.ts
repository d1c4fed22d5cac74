import { createServiceApp, loadConfig, startServiceApp } from '@hub/platform';
import { RatingConfig } from './config/rating.config';
import { RATING_SERVICE, RatingAppModule } from './rating-app.module';

async function main(): Promise<void> {
  const config = loadConfig(RatingConfig);
  const app = await createServiceApp(RatingAppModule.forRoot(config), {
    service: RATING_SERVICE,
    config,
    openApi: { title: 'Hub rating service', description: 'Satisfaction ratings and the service-quality index', version: '1' },
  });
  await startServiceApp(app, config.PORT);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

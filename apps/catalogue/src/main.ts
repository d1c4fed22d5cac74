import { createServiceApp, loadConfig, newTrace, startServiceApp } from '@hub/platform';
import { CATALOGUE_SERVICE, CatalogueAppModule } from './catalogue-app.module';
import { CatalogueConfig } from './config/catalogue.config';
import { seedCatalogue } from './seed/seed-catalogue';

async function main(): Promise<void> {
  const config = loadConfig(CatalogueConfig);
  const app = await createServiceApp(CatalogueAppModule.forRoot(config), {
    service: CATALOGUE_SERVICE,
    config,
    openApi: {
      title: 'Hub catalogue service',
      description: 'National catalogue of procedures (effective-dated versions), agencies, sectors, working calendars and status mappings',
      version: '1',
    },
  });
  await startServiceApp(app, config.PORT);
  if (config.CATALOGUE_SEED) {
    const report = await seedCatalogue(app, newTrace());
    console.log(JSON.stringify({ msg: 'Sample catalogue data loaded', ...report }));
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

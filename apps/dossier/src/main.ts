import { createServiceApp, loadConfig, startServiceApp } from '@hub/platform';
import { DossierConfig } from './config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from './dossier-app.module';

async function main(): Promise<void> {
  const config = loadConfig(DossierConfig);
  const app = await createServiceApp(DossierAppModule.forRoot(config), {
    service: DOSSIER_SERVICE,
    config,
    openApi: { title: 'Hub dossier service', description: 'Intake, sync, lifecycle and due dates of dossiers', version: '1' },
  });
  await startServiceApp(app, config.PORT);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

import { describeHostileInput, startServiceUnderTest } from '@hub/testing';
import { DossierConfig } from '../src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../src/dossier-app.module';

describeHostileInput('dossier', () => startServiceUnderTest({ service: DOSSIER_SERVICE, configClass: DossierConfig, module: DossierAppModule.forRoot }), {
  // The procedure, calendar and status-mapping read models are filled from the catalogue's topics, whatever the requests do.
  writtenByConsumers: ['procedure_version', 'procedure_withdrawal', 'calendar_year', 'status_mapping', 'inbox', 'agency_feed', 'agency_webhook_delivery'],
});

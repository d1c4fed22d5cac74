import { describeHostileInput, startServiceUnderTest } from '@hub/testing';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';

describeHostileInput('rating', () => startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot }), {
  // Rateable dossiers and the index's facts come from the dossier, payment, rating and catalogue topics.
  writtenByConsumers: [
    'rateable_dossier',
    'index_dossier',
    'index_paid_dossier',
    'index_status_change',
    'index_procedure_version',
    'index_active_rating',
    'index_agency',
    'index_counter',
    'inbox',
  ],
});

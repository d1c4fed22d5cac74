import { describeHostileInput, startServiceUnderTest } from '@hub/testing';
import { RatingConfig } from '../src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../src/rating-app.module';

describeHostileInput('rating', () => startServiceUnderTest({ service: RATING_SERVICE, configClass: RatingConfig, module: RatingAppModule.forRoot }), {
  // Rateable dossiers come from the dossier service's topic.
  writtenByConsumers: ['rateable_dossier', 'inbox'],
});

import { describeHostileInput } from '@hub/testing';
import { startCatalogue } from './catalogue-test-kit';

// The catalogue consumes nothing: every table must stay as it was when a request is refused.
describeHostileInput('catalogue', () => startCatalogue());

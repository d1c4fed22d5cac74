import { BaseServiceConfig } from '@hub/platform';

export class RatingConfig extends BaseServiceConfig {}

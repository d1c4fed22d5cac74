import { BaseServiceConfig } from '@hub/platform';

export class DossierConfig extends BaseServiceConfig {}

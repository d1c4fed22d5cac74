import { BaseServiceConfig } from '@hub/platform';

export class PaymentConfig extends BaseServiceConfig {}

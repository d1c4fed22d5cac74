import { ApiParam } from '@nestjs/swagger';

/** Examples of the payment service's path parameters in the published API document. */
export const PathExamples = {
  paymentId: () => ApiParam({ name: 'paymentId', example: '7d9f3c2a-4b1e-4c8d-9a6f-2e5b8c1d4f70', description: 'The payment (UUID)' }),
  provider: () => ApiParam({ name: 'provider', example: 'sandbox', description: 'Registered payment provider' }),
  reconciliationId: () => ApiParam({ name: 'id', example: 'c4a8e2f1-6d3b-4f9a-8e7c-5b2d1a9f3e60', description: 'The reconciliation (UUID)' }),
  exceptionId: () => ApiParam({ name: 'exceptionId', example: '9b1e7d4c-2a5f-4e8b-b3c6-8f0a2d7e5c19', description: 'One exception of the reconciliation (UUID)' }),
};

import { Module } from '@nestjs/common';
import { READINESS_CHECK } from '@hub/platform';
import { ClientChanges } from './client-changes';

/** Client changes shared by every gateway replica (Redis pub/sub). */
@Module({
  providers: [ClientChanges, { provide: READINESS_CHECK, inject: [ClientChanges], useFactory: (changes: ClientChanges) => changes.readiness() }],
  exports: [ClientChanges],
})
export class ClientChangesModule {}

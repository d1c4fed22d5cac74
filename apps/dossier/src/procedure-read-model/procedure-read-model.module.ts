import { Module } from '@nestjs/common';
import { ProcedurePublishedConsumer } from './consumers/procedure-published.consumer';
import { ProcedureWithdrawnConsumer } from './consumers/procedure-withdrawn.consumer';
import { ProcedureVersionRepository } from './procedure-version.repository';
import { ProceduresInForce } from './procedures-in-force';

@Module({
  providers: [ProcedureVersionRepository, ProceduresInForce, ProcedurePublishedConsumer, ProcedureWithdrawnConsumer],
  exports: [ProcedureVersionRepository, ProceduresInForce],
})
export class ProcedureReadModelModule {}

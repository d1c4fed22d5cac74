import { Module } from '@nestjs/common';
import { ProcedurePublishedConsumer } from './consumers/procedure-published.consumer';
import { ProcedureWithdrawnConsumer } from './consumers/procedure-withdrawn.consumer';
import { ProcedureVersionRepository } from './procedure-version.repository';

@Module({
  providers: [ProcedureVersionRepository, ProcedurePublishedConsumer, ProcedureWithdrawnConsumer],
  exports: [ProcedureVersionRepository],
})
export class ProcedureReadModelModule {}

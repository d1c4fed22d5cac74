import { Module } from '@nestjs/common';
import { ProcedurePublishedConsumer } from './consumers/procedure-published.consumer';
import { ProcedureSnapshotRepository } from './procedure-snapshot.repository';

@Module({
  providers: [ProcedureSnapshotRepository, ProcedurePublishedConsumer],
  exports: [ProcedureSnapshotRepository],
})
export class ProcedureReadModelModule {}

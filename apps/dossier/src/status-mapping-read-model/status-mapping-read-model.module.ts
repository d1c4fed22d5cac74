import { Module } from '@nestjs/common';
import { StatusMappingUpdatedConsumer } from './consumers/status-mapping-updated.consumer';
import { StatusMappingReadModel } from './status-mapping-read-model';

@Module({ providers: [StatusMappingReadModel, StatusMappingUpdatedConsumer], exports: [StatusMappingReadModel] })
export class StatusMappingReadModelModule {}

import { Injectable } from '@nestjs/common';
import { StatusMappingUpdated, type StatusMappingUpdatedV1 } from '@hub/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@hub/messaging';
import type { EntityManager } from 'typeorm';
import { StatusMappingReadModel } from '../status-mapping-read-model';

@Injectable()
export class StatusMappingUpdatedConsumer {
  constructor(private readonly mappings: StatusMappingReadModel) {}

  @ConsumeEvent(StatusMappingUpdated)
  async handle(event: ConsumedEvent<StatusMappingUpdatedV1>, tx: EntityManager): Promise<void> {
    await this.mappings.apply(tx, event.payload);
  }
}

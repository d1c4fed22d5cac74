import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FeeAssessmentEntity } from './fee-assessment.entity';

@Injectable()
export class FeeAssessmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  save(tx: EntityManager, assessment: FeeAssessmentEntity): Promise<FeeAssessmentEntity> {
    return tx.save(FeeAssessmentEntity, assessment);
  }

  findByDossier(dossierCode: string): Promise<FeeAssessmentEntity | null> {
    return this.dataSource.manager.findOneBy(FeeAssessmentEntity, { dossierCode });
  }

  findAwaiting(tx: EntityManager, procedureCode: string, procedureVersion: number): Promise<FeeAssessmentEntity[]> {
    return tx.find(FeeAssessmentEntity, { where: { procedureCode, procedureVersion, status: 'AWAITING_PROCEDURE' }, lock: { mode: 'pessimistic_write' } });
  }
}

import { Module } from '@nestjs/common';
import { PersonalDataAudit } from './personal-data-audit';
import { PersonalDataAuditController } from './personal-data-audit.controller';

@Module({
  controllers: [PersonalDataAuditController],
  providers: [PersonalDataAudit],
  exports: [PersonalDataAudit],
})
export class PersonalDataAuditModule {}

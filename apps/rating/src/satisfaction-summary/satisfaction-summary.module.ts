import { Module } from '@nestjs/common';
import { SatisfactionSummaryController } from './satisfaction-summary.controller';
import { SatisfactionSummaries } from './satisfaction-summary.usecases';

@Module({
  controllers: [SatisfactionSummaryController],
  providers: [SatisfactionSummaries],
})
export class SatisfactionSummaryModule {}

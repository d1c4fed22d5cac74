import { Module } from '@nestjs/common';
import { StandardController } from './standard.controller';
import { GetStandardDocumentUseCase } from './usecases/get-standard-document/get-standard-document.usecase';

@Module({
  controllers: [StandardController],
  providers: [GetStandardDocumentUseCase],
})
export class StandardModule {}

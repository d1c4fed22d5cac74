import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@hub/platform';
import { DossierCodePipe } from './dossier.controller';
import { LookupDossierUseCase } from './usecases/lookup-dossier/lookup-dossier.usecase';
import { PublicDossierView } from './usecases/lookup-dossier/public-dossier.view';
import { PathExamples } from './path-examples';

@ApiTags('public')
@Controller('v1/public/dossiers')
export class PublicLookupController {
  constructor(private readonly lookupDossier: LookupDossierUseCase) {}

  @Get(':code')
  @PathExamples.dossierCode()
  @Public()
  @ApiOperation({ summary: 'Look up a dossier with the lookup key of its receipt (no API key; no personal data)' })
  @ApiQuery({ name: 'lookupKey', required: true, description: '6–32 letters or digits' })
  @ApiOkResponse({ type: PublicDossierView })
  lookup(@Param('code', DossierCodePipe) code: string, @Query('lookupKey') lookupKey: string | undefined): Promise<PublicDossierView> {
    return this.lookupDossier.execute({ code, lookupKey });
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, type CallerIdentity, type EventTrace, RequireRoles, Trace } from '@hub/platform';
import { MAX_SYNC_BATCH, SyncDossiersBody, SyncDossiersResponse } from './usecases/sync-dossiers/sync-dossiers.command';
import { SyncDossiersUseCase } from './usecases/sync-dossiers/sync-dossiers.usecase';

@ApiTags('dossiers')
@Controller('v1')
export class DossierSyncController {
  constructor(private readonly syncDossiers: SyncDossiersUseCase) {}

  // `::` is Fastify's escaped colon: the path is /v1/dossiers:sync.
  @Post('dossiers::sync')
  @HttpCode(200)
  @RequireRoles('dossier:sync')
  @ApiOperation({
    summary: 'Batch sync of dossiers and their steps from an agency system',
    description:
      `1 to ${MAX_SYNC_BATCH} records (more → 413 BATCH_TOO_LARGE, nothing stored). Each record is judged alone and answered ` +
      'in order with created / updated / unchanged / stale / rejected and, when rejected, a problem naming the field. ' +
      'A higher version replaces the stored state; the same version with the same content is unchanged, with different ' +
      'content VERSION_CONFLICT; a lower version is stale.',
  })
  @ApiOkResponse({ type: SyncDossiersResponse })
  sync(@Body() body: SyncDossiersBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<SyncDossiersResponse> {
    return this.syncDossiers.execute({ records: body.dossiers, caller, trace });
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, type CallerIdentity, type EventTrace, RequireRoles, Trace } from '@hub/platform';
import { MAX_STEPS_BATCH, RecordStepsBody, RecordStepsResponse } from './usecases/record-steps/record-steps.command';
import { RecordStepsUseCase } from './usecases/record-steps/record-steps.usecase';

@ApiTags('dossiers')
@Controller('v1')
export class DossierStepsController {
  constructor(private readonly recordSteps: RecordStepsUseCase) {}

  // `::` is Fastify's escaped colon: the path is /v1/dossiers:record-steps.
  @Post('dossiers::record-steps')
  @HttpCode(200)
  @RequireRoles('dossier:sync')
  @ApiOperation({
    summary: 'Progress steps of dossiers, from an agency system (repeats and any order tolerated)',
    description:
      `1 to ${MAX_STEPS_BATCH} steps of any dossiers (more → 413 BATCH_TOO_LARGE). A step already known by its time, status and ` +
      'content changes nothing. Per dossier, all or nothing: new steps later than the last status change move the status through ' +
      'the status machine in time order; older ones are recorded as history. Version and content hash of the dossier stay.',
  })
  @ApiOkResponse({ type: RecordStepsResponse })
  record(@Body() body: RecordStepsBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<RecordStepsResponse> {
    return this.recordSteps.execute({ steps: body.steps, caller, trace });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, PatternPipe, RequireRoles, type CallerIdentity } from '@hub/platform';
import { ReconciliationErrors } from './reconciliation.errors';
import { ReconcileBody, ReconciliationView, ResolveExceptionBody } from './usecases/reconcile-statement/reconcile-statement.dto';
import { ReconcileStatementUseCase } from './usecases/reconcile-statement/reconcile-statement.usecase';
import { GetReconciliationUseCase } from './usecases/get-reconciliation/get-reconciliation.usecase';
import { ResolveExceptionUseCase } from './usecases/resolve-exception/resolve-exception.usecase';
import { PathExamples } from '../shared/path-examples';

const uuid = (field: string) => new PatternPipe((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), field, 'a UUID');

@ApiTags('reconciliations')
@Controller('v1/reconciliations')
@RequireRoles('payment:reconcile')
export class ReconciliationController {
  constructor(
    private readonly reconcile: ReconcileStatementUseCase,
    private readonly get: GetReconciliationUseCase,
    private readonly resolve: ResolveExceptionUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: "Reconcile a provider's settlement statement of one day (CSV in `statement`, or fetched from the provider)" })
  @ApiCreatedResponse({ type: ReconciliationView })
  async create(@Body() body: ReconcileBody, @Caller() caller: CallerIdentity): Promise<ReconciliationView> {
    const view = await this.reconcile.execute({ ...body, caller });
    if (!view) throw ReconciliationErrors.alreadyRun(body.provider, body.date);
    return view;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Totals and exceptions of a reconciliation' })
  @PathExamples.reconciliationId()
  @ApiOkResponse({ type: ReconciliationView })
  find(@Param('id', uuid('id')) id: string): Promise<ReconciliationView> {
    return this.get.execute(id);
  }

  @Post(':id/exceptions/:exceptionId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an exception resolved with a note' })
  @PathExamples.reconciliationId()
  @PathExamples.exceptionId()
  @ApiOkResponse({ type: ReconciliationView })
  resolveException(
    @Param('id', uuid('id')) id: string,
    @Param('exceptionId', uuid('exceptionId')) exceptionId: string,
    @Body() body: ResolveExceptionBody,
    @Caller() caller: CallerIdentity,
  ): Promise<ReconciliationView> {
    return this.resolve.execute({ reconciliationId: id, exceptionId, note: body.note, caller });
  }
}

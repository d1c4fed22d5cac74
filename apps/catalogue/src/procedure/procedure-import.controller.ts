import type { Readable } from 'node:stream';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Caller, RequireRoles, Trace, type CallerIdentity, type EventTrace } from '@hub/platform';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../config/catalogue.config';
import { IMPORT_ROUTE_CONFIG, NDJSON } from './import-http.setup';
import { ProcedureErrors } from './procedure.errors';
import { IMPORT_BODY_EXAMPLE } from './usecases/import-procedures/import-example';
import { ImportReportView } from './usecases/import-procedures/import-procedures.command';
import { ImportProceduresUseCase } from './usecases/import-procedures/import-procedures.usecase';
import { jsonRecords, ndjsonRecords } from './usecases/import-procedures/import-source';

@ApiTags('procedures')
@Controller('v1')
export class ProcedureImportController {
  constructor(
    private readonly importProcedures: ImportProceduresUseCase,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
  ) {}

  // `::` is Fastify's escaped colon: the path is /v1/procedures:import.
  @Post('procedures::import')
  @HttpCode(200)
  @RequireRoles('catalogue:write')
  @RouteConfig(IMPORT_ROUTE_CONFIG)
  @ApiOperation({
    summary: 'Bulk import of procedures (hub shape or LayThuTuc upper-case keys), idempotent, with a result per record',
    description:
      'application/json: `[...]` or `{"records": [...]}`; application/x-ndjson: one record per line, streamed. ' +
      'Body limit IMPORT_BODY_LIMIT_BYTES (default 10 MB) → 413 IMPORT_TOO_LARGE; more than IMPORT_MAX_RECORDS (default 10,000) ' +
      'records → 413 IMPORT_TOO_MANY_RECORDS; reasons of the first IMPORT_MAX_ERROR_DETAILS (1,000) refused records only. All records are written in one transaction, a chunk at a time.',
  })
  @ApiConsumes('application/json', NDJSON)
  @ApiBody({ schema: { type: 'object', properties: { records: { type: 'array', items: { type: 'object' } } }, example: IMPORT_BODY_EXAMPLE } })
  @ApiOkResponse({ type: ImportReportView })
  async import(@Req() request: FastifyRequest, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<ImportReportView> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const limit = this.settings.importBodyLimitBytes;
    if (type === NDJSON) {
      const length = Number(request.headers['content-length']);
      if (Number.isFinite(length) && length > limit) throw ProcedureErrors.importTooLarge(limit);
      return this.importProcedures.execute({ source: ndjsonRecords(request.body as Readable, limit, this.settings.jsonBudget, this.settings.importMaxRecords), caller, trace });
    }
    if (type === 'application/json') return this.importProcedures.execute({ source: jsonRecords(request.body, this.settings.importMaxRecords), caller, trace });
    throw ProcedureErrors.importMediaType(type || '(none)');
  }
}

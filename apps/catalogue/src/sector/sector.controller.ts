import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, RequireRoles, Trace, type EventTrace } from '@hub/platform';
import { PageQuery } from '../shared/paging';
import { PathParams } from '../shared/path-params';
import { SectorPageView, SectorView } from './sector.view';
import { GetSectorUseCase } from './usecases/get-sector/get-sector.usecase';
import { ListSectorsUseCase } from './usecases/list-sectors/list-sectors.usecase';
import { UpsertSectorCommand } from './usecases/upsert-sector/upsert-sector.command';
import { UpsertSectorUseCase } from './usecases/upsert-sector/upsert-sector.usecase';
import { PathExamples } from '../shared/path-examples';

@ApiTags('sectors')
@Controller('v1/sectors')
export class SectorController {
  constructor(
    private readonly upsertSector: UpsertSectorUseCase,
    private readonly getSector: GetSectorUseCase,
    private readonly listSectors: ListSectorsUseCase,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Create a sector (201) or update it (200); publishes catalogue.sector.upserted.v1 when something changed' })
  @ApiCreatedResponse({ type: SectorView })
  @ApiOkResponse({ type: SectorView })
  async upsert(@Body() command: UpsertSectorCommand, @Trace() trace: EventTrace, @Res({ passthrough: true }) reply: FastifyReply): Promise<SectorView> {
    const { result, sector } = await this.upsertSector.execute({ ...command, trace });
    void reply.status(result === 'created' ? 201 : 200);
    return sector;
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Sectors by code' })
  @ApiOkResponse({ type: SectorPageView })
  list(@Query() query: PageQuery): Promise<SectorPageView> {
    return this.listSectors.execute({ page: query.page, pageSize: query.pageSize });
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One sector' })
  @PathExamples.sectorCode()
  @ApiOkResponse({ type: SectorView })
  get(@Param('code', PathParams.sectorCode()) code: string): Promise<SectorView> {
    return this.getSector.execute({ code });
  }
}

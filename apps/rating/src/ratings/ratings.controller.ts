import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequireRoles, Trace, type CallerIdentity, type EventTrace } from '@hub/platform';
import { RatingHistoryQuery, RatingHistoryView, RatingQueries, RatingSummaryQuery, RatingSummaryView } from './usecases/rating-queries';
import { MAX_RATING_SYNC_BATCH, RateDossierBody, RatingRecordedView, SyncRatingsBody } from './usecases/rating.command';
import { RateDossierUseCase } from './usecases/rate-dossier.usecase';
import { SyncRatingsResponse, SyncRatingsUseCase } from './usecases/sync-ratings.usecase';

@ApiTags('ratings')
@Controller('v1')
export class RatingsController {
  constructor(
    private readonly rate: RateDossierUseCase,
    private readonly sync: SyncRatingsUseCase,
    private readonly queries: RatingQueries,
  ) {}

  @Post('ratings')
  @HttpCode(201)
  @RequireRoles('rating:submit')
  @ApiOperation({ summary: "The applicant's rating of a dossier, while its rating window is open (after statuses 2, 3, 5, 9, 10)" })
  @ApiCreatedResponse({ type: RatingRecordedView })
  async create(@Body() rating: RateDossierBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<RatingRecordedView> {
    const { created: _created, ...view } = await this.rate.execute({ rating, caller, trace });
    return view;
  }

  // `::` is Fastify's escaped colon: the path is /v1/ratings:sync.
  @Post('ratings::sync')
  @HttpCode(200)
  @RequireRoles('rating:submit')
  @ApiOperation({ summary: `Ratings collected by an agency system: 1 to ${MAX_RATING_SYNC_BATCH}, each answered alone, idempotent on sourceRatingId` })
  @ApiOkResponse({ type: SyncRatingsResponse })
  syncRatings(@Body() body: SyncRatingsBody, @Caller() caller: CallerIdentity, @Trace() trace: EventTrace): Promise<SyncRatingsResponse> {
    return this.sync.execute({ items: body.ratings, caller, trace });
  }

  @Get('ratings/summary')
  @RequireRoles('rating:read')
  @ApiOperation({ summary: 'Counts per level and per criterion of the active ratings given in a window' })
  @ApiOkResponse({ type: RatingSummaryView })
  summary(@Query() query: RatingSummaryQuery, @Caller() caller: CallerIdentity): Promise<RatingSummaryView> {
    return this.queries.summary(query, caller);
  }

  @Get('ratings')
  @RequireRoles('rating:read')
  @ApiOperation({ summary: 'Every rating of a dossier, newest (active) first' })
  @ApiOkResponse({ type: RatingHistoryView })
  history(@Query() query: RatingHistoryQuery, @Caller() caller: CallerIdentity): Promise<RatingHistoryView> {
    return this.queries.history(query.dossierCode, caller);
  }
}

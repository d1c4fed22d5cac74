import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyFeedWriter, submittedKey } from './agency-feed.writer';

export interface FeedSweepOptions {
  /** How often the sweep runs (0: never, e.g. in tests that call `sweep` themselves). */
  intervalMs: number;
  /** How far back it looks: online submissions whose dossier changed more recently than this. */
  windowMs: number;
}

export const FEED_SWEEP_OPTIONS = Symbol('FEED_SWEEP_OPTIONS');
const BATCH = 500;

/**
 * How far before the previous sweep's start a periodic sweep looks again: a dossier's `updated_at` is its writer's
 * clock when it wrote the row, and the row may commit later or come from a replica whose clock runs behind.
 */
export const SWEEP_OVERLAP_MS = 5 * 60_000;

/**
 * Where a periodic sweep starts: the whole window the first time (on start-up: what older versions left while none
 * swept), then only what changed since the previous sweep began, less the overlap. Every sweep reading the whole
 * window grew with the traffic of the last hours (at a national peak, millions of rows a minute on every replica).
 */
export function sweepSince(now: Date, windowMs: number, previousStart: Date | undefined, overlapMs = SWEEP_OVERLAP_MS): Date {
  const windowStart = now.getTime() - windowMs;
  if (previousStart === undefined) return new Date(windowStart);
  return new Date(Math.max(windowStart, Math.min(previousStart.getTime(), now.getTime()) - overlapMs));
}

/**
 * The online intake writes the agency's `dossier.submitted` item in its own statement, so a committed online dossier
 * always has one — except a dossier an older version of the service took in (it left the item to a consumer of its
 * own dossier.received.v1, which this version no longer runs), for instance on a replica still running during a
 * rolling upgrade. This sweep records the item of any such dossier, from the stored row, as the consumer did: on
 * start-up over the dossiers changed within the window, then every interval over those changed since the previous
 * sweep began (less `SWEEP_OVERLAP_MS`), by dossier_updated_idx. Recording is idempotent (the item's source key), so
 * overlapping sweeps of several replicas change nothing twice.
 */
@Injectable()
export class FeedSubmissionSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedSubmissionSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  /** When the last periodic sweep that completed began. */
  private previousStart?: Date;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: AgencyFeedWriter,
    @Inject(FEED_SWEEP_OPTIONS) private readonly options: FeedSweepOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    const run = () => {
      if (this.running) return;
      this.running = this.sweepNext()
        .catch((error: Error) => this.logger.error(`feed submission sweep failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.options.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** The periodic sweep: from `sweepSince`, and remembered as the next one's start once it completed. */
  async sweepNext(now: Date = new Date()): Promise<number> {
    const recorded = await this.sweep(now, sweepSince(now, this.options.windowMs, this.previousStart));
    this.previousStart = now;
    return recorded;
  }

  /** Records the missing items of online dossiers changed since `since` (by default the whole window); returns how many. */
  async sweep(now: Date = new Date(), since: Date = new Date(now.getTime() - this.options.windowMs)): Promise<number> {
    let recorded = 0;
    for (;;) {
      const missing: Array<{ code: string; submitted_at: Date }> = await this.dataSource.query(
        `SELECT d.code, d.submitted_at FROM dossier d
          WHERE d.updated_at >= $1 AND d.source = 'hub'
            AND NOT EXISTS (SELECT 1 FROM agency_feed f WHERE f.source_key = $2 || d.code)
          ORDER BY d.updated_at, d.code LIMIT $3`,
        [since, submittedKey(''), BATCH],
      );
      for (const { code, submitted_at } of missing) {
        const done = await this.dataSource.transaction((tx) =>
          this.writer.record(tx, { type: 'dossier.submitted', dossierCode: code, occurredAt: new Date(submitted_at), sourceKey: submittedKey(code) }),
        );
        if (done) recorded++;
      }
      if (missing.length < BATCH) break;
    }
    if (recorded > 0) this.logger.warn(`recorded ${recorded} missing dossier.submitted feed item(s) of online dossiers`);
    return recorded;
  }
}

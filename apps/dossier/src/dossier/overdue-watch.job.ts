import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@hub/platform';
import { WatchDueDatesUseCase } from './usecases/watch-due-dates/watch-due-dates.usecase';

export const OVERDUE_WATCH_INTERVAL_MS = Symbol('OVERDUE_WATCH_INTERVAL_MS');

/** Runs the overdue watch every interval (0: never, e.g. in tests that call the use case themselves). */
@Injectable()
export class OverdueWatchJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueWatchJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly watch: WatchDueDatesUseCase,
    private readonly clock: Clock,
    @Inject(OVERDUE_WATCH_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.watch
        .execute(this.clock.now())
        .catch((error: Error) => this.logger.error(`overdue watch failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

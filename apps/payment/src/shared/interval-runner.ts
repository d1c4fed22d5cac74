import type { Logger } from '@nestjs/common';

/** Runs `work` every `everyMs` (0: never), one run at a time per process; `stop` waits for the run in progress. */
export class IntervalRunner {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number, work: () => Promise<unknown>): void {
    if (everyMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = work()
        .catch((error: Error) => this.logger.error(`${this.name} failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

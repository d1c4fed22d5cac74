import { Controller, Get, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { SERVICE_NAME } from '../bootstrap/service-name.token';
import { problem } from '../errors/problems';
import { Public } from '../identity/identity.decorators';
import { READINESS_CHECK, ReadinessCheck } from './readiness-check';

// A hung dependency must not hang the probe; the orchestrator's own timeout is usually a few seconds.
const CHECK_TIMEOUT_MS = 2_000;

type CheckResult = { name: string; status: 'up' | 'down' | 'degraded'; reason?: string };

@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController implements OnApplicationBootstrap {
  private readonly logger = new Logger(HealthController.name);
  private checks: ReadinessCheck[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  // Nest has no multi-providers: every module's READINESS_CHECK provider is a separate instance, found here.
  onApplicationBootstrap(): void {
    this.checks = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.token === READINESS_CHECK && wrapper.isDependencyTreeStatic())
      .flatMap((wrapper) => wrapper.instance as ReadinessCheck | ReadinessCheck[]);
  }

  @Get('live')
  live(): { service: string; status: 'up' } {
    return { service: this.service, status: 'up' };
  }

  @Get('ready')
  async ready(): Promise<{ service: string; status: 'up' | 'degraded'; checks: CheckResult[] }> {
    const checks = await Promise.all(this.checks.map((check) => this.run(check)));
    if (checks.some((check) => check.status === 'down')) {
      const failed = checks.filter((check) => check.status === 'down').map((check) => check.name);
      throw problem(503, 'NOT_READY', { detail: `Not ready: ${failed.join(', ')}.`, extensions: { checks } });
    }
    return { service: this.service, status: checks.some((check) => check.status === 'degraded') ? 'degraded' : 'up', checks };
  }

  private async run(check: ReadinessCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([check.check(), timeout]);
      return result ? { name: check.name, status: 'degraded', reason: result.degraded } : { name: check.name, status: 'up' };
    } catch (error) {
      // The reason stays in the logs: probes are unauthenticated and must not reveal internals.
      this.logger.warn({ msg: 'Readiness check failed', check: check.name, err: error });
      return { name: check.name, status: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}

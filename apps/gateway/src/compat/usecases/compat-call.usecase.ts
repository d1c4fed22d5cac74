import { Inject, Injectable, Logger } from '@nestjs/common';
import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { AppError, isInAgencyScope, ProblemException, type RequestContext } from '@hub/platform';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { COMPAT_OPTIONS, type CompatOptions } from '../compat-options';
import { verifySession } from '../compat-session';
import { failed, type CompatAnswer } from '../mapping/compat-answer';
import { CompatError, compatMeaningOf, describeProblem, isNativeProblemCode } from '../mapping/compat-errors';
import { text } from '../mapping/dossier-record.mapping';
import { NativeApi } from '../native-api';
import { SessionClients } from '../session-clients';
import { NativeProblem } from './services/compat-context';
import { COMPAT_SERVICES } from './services/registry';

/**
 * `POST /dvcqg/integration` and `/dvcqg/share`: session → the client's current identity → `madonvi` in its scope →
 * rate limit → the named service, which turns the call into native commands. Every failure is an answer with a
 * non-zero `error_code` (HTTP 200), mapped once in compat-errors.ts.
 */
@Injectable()
export class CompatCallUseCase {
  private readonly logger = new Logger(CompatCallUseCase.name);

  constructor(
    private readonly clients: SessionClients,
    private readonly native: NativeApi,
    private readonly limiter: RateLimiter,
    @Inject(COMPAT_OPTIONS) private readonly options: CompatOptions,
  ) {}

  /** `context`: the compatibility request's own; the session's caller is recorded in it. */
  async execute(body: unknown, context: RequestContext): Promise<CompatAnswer> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return failed(CompatError.INVALID_REQUEST, 'Nội dung yêu cầu phải là một đối tượng JSON');
    const request = body as Record<string, unknown>;
    const claims = verifySession(request.session, this.options.sessionKey);
    const client = claims ? await this.clients.find(claims.clientId) : null;
    if (!client) return failed(CompatError.SESSION_INVALID, 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại');
    const caller = client.identity;
    context.identity = caller;
    const agency = text(request.madonvi);
    if (!agency || !AGENCY_CODE_PATTERN.test(agency)) return failed(CompatError.INVALID_REQUEST, 'Thiếu hoặc sai mã đơn vị (trường madonvi)');
    if (!isInAgencyScope(caller, agency) || (caller.kind === 'agency-system' && !caller.agencyCodes.includes(agency))) {
      return failed(CompatError.AGENCY_NOT_IN_SCOPE, `Hệ thống không được phép thao tác với dữ liệu của đơn vị ${agency} (trường madonvi)`);
    }
    const name = text(request.service);
    const service = name ? COMPAT_SERVICES[name] : undefined;
    if (!name || !service || !Object.hasOwn(COMPAT_SERVICES, name)) {
      return failed(CompatError.UNKNOWN_SERVICE, `Dịch vụ ${name ? `"${name.slice(0, 60)}"` : '(trống)'} không được hỗ trợ (trường service)`);
    }
    try {
      await this.limiter.check({ routeClass: 'write', subject: caller.clientId, overrides: client.rateLimits });
      return await service({ caller, correlationId: context.correlationId, agency, native: this.native }, request);
    } catch (error) {
      return this.failure(error, name, context.correlationId);
    }
  }

  private failure(error: unknown, service: string, correlationId: string): CompatAnswer {
    const code = error instanceof NativeProblem || error instanceof AppError || error instanceof ProblemException ? error.code : undefined;
    if (!isNativeProblemCode(code) || compatMeaningOf(code).code === CompatError.UNAVAILABLE) this.logger.error({ msg: 'Compat call failed', service, code, correlationId, err: error });
    const meaning = compatMeaningOf(code);
    const detail = error instanceof NativeProblem ? error.detailVi : undefined;
    return failed(meaning.code, describeProblem(detail ?? meaning.vi, undefined, service));
  }
}

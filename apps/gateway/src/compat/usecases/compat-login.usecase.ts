import { Inject, Injectable } from '@nestjs/common';
import { AuthenticateClientUseCase } from '../../api-client/usecases/authenticate-client/authenticate-client.usecase';
import { failed, succeeded, type CompatAnswer } from '../mapping/compat-answer';
import { CompatError } from '../mapping/compat-errors';
import { COMPAT_OPTIONS, type CompatOptions } from '../compat-options';
import { issueSession } from '../compat-session';

/** `POST /dvcqg/login` `{username, password}` = the hub's API client id and its API key → a session. */
@Injectable()
export class CompatLoginUseCase {
  constructor(
    private readonly authenticate: AuthenticateClientUseCase,
    @Inject(COMPAT_OPTIONS) private readonly options: CompatOptions,
  ) {}

  async execute(body: unknown): Promise<CompatAnswer> {
    const { username, password } = (typeof body === 'object' && body !== null ? body : {}) as { username?: unknown; password?: unknown };
    const refused = failed(CompatError.LOGIN_FAILED, 'Đăng nhập thất bại: sai tên đăng nhập (username) hoặc mật khẩu (password)');
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) return refused;
    const client = await this.authenticate.execute(password).catch(() => undefined);
    if (!client || client.identity.clientId !== username) return refused;
    const { session } = issueSession(username, this.options.sessionTtlSeconds, this.options.sessionKey);
    return succeeded('Đăng nhập thành công', { session });
  }
}

import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { PinoLoggerService } from './pino-logger.service';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger('dossier', 'debug', stream) };
}

describe('createLogger', () => {
  it('writes JSON with service, level label, time and the fields it is given', () => {
    const { lines, logger } = capture();
    logger.info('plain');
    logger.warn({ correlationId: 'corr-1', dossierCode: 'H26.1' }, 'about a request');
    expect(lines[0]).toMatchObject({ service: 'dossier', level: 'info', msg: 'plain' });
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[1]).toMatchObject({ service: 'dossier', level: 'warn', msg: 'about a request', correlationId: 'corr-1', dossierCode: 'H26.1' });
    expect(typeof lines[1].time).toBe('string');
  });

  it('redacts credentials, identity headers, bodies and config secrets', () => {
    const { lines, logger } = capture();
    logger.info({
      req: {
        headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'x-hub-identity': 'i', accept: 'json' },
        body: { citizenId: '001' },
      },
      config: { IDENTITY_SIGNING_KEY: 'secret', PORT: 1 },
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/Bearer t|"k"|"i"|001|secret/);
    expect(lines[0]).toMatchObject({ req: { headers: { accept: 'json', authorization: '[REDACTED]' } }, config: { PORT: 1 } });
  });
});

describe('PinoLoggerService', () => {
  it('maps Nest calls onto pino with context, stack and errors', () => {
    const { lines, logger } = capture();
    const nest = new PinoLoggerService(logger);
    nest.log('Mapped route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    nest.error(new Error('failed'), undefined, 'Filter');
    nest.verbose('hidden at debug level');
    nest.warn({ msg: 'structured', code: 'X' }, 'Ctx');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'Mapped route', context: 'RouterExplorer' }),
      expect.objectContaining({ level: 'error', msg: 'boom', context: 'ExceptionsHandler', stack: 'Error: boom\n    at x' }),
      expect.objectContaining({ level: 'error', msg: 'failed', context: 'Filter', err: expect.objectContaining({ message: 'failed' }) }),
      expect.objectContaining({ level: 'warn', msg: 'structured', code: 'X', context: 'Ctx' }),
    ]);
  });
});

import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevelName } from '../config/base-service.config';

const SECRET_HEADERS = ['authorization', 'x-api-key', 'x-hub-identity', 'cookie'];

// Paths cover headers logged directly or nested one level down (req.headers, request.headers...), plus bodies
// and config secrets in case someone logs a whole request or config object.
const REDACTED_PATHS = [
  ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`]),
  'body',
  '*.body',
  'IDENTITY_SIGNING_KEY',
  '*.IDENTITY_SIGNING_KEY',
  'DATABASE_URL',
  '*.DATABASE_URL',
];

/** JSON lines carrying `service`; a line about a request or an event names its `correlationId` as a field. */
export function createLogger(service: string, level: LogLevelName = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    },
    destination,
  );
}

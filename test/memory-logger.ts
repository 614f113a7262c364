import { createLogger, type Logger, type LogLevel } from '../src/log.js';

/** A record as the service writes it: level label, ISO time, message and the fields. */
export type LoggedRecord = { level: string; time: string; msg: string } & Record<string, unknown>;

/**
 * The service's logger (pino, same options) writing to memory: every record parsed, in order.
 *
 * @example
 * const { logger, records } = memoryLogger()
 */
export function memoryLogger(level: LogLevel = 'trace'): {
  logger: Logger;
  records: LoggedRecord[];
} {
  const records: LoggedRecord[] = [];
  const logger = createLogger(level, {
    write: (line: string) => void records.push(JSON.parse(line) as LoggedRecord),
  });
  return { logger, records };
}

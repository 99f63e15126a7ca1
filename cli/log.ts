import { pino, type Logger } from 'pino';

/** Structured logs go to stderr as JSON lines, so stdout stays clean for records. */
export function createLogger(level: string, name = 'ecomwatch'): Logger {
  return pino({ name, level }, pino.destination(2));
}

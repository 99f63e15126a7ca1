import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  ConflictError,
  IndexError,
  InvalidQueryError,
  InvalidTransitionError,
  NotFoundError,
  StoreError,
} from '../index/errors.js';

/** The body of every error answer: a stable code for programs, a sentence for people. */
export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
}

/** An answer the HTTP layer decided on (auth, access, a missing module): its message is safe to show. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export const unauthorized = (message: string) => new HttpProblem(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpProblem(403, 'forbidden', message);
export const notFound = (message: string) => new HttpProblem(404, 'not_found', message);
export const notImplemented = (message: string) => new HttpProblem(501, 'not_implemented', message);

/** A request part that did not match its schema; the message names the fields. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly problems: string[],
  ) {
    super(`invalid ${part}: ${problems.join('; ')}`);
    this.name = 'RequestValidationError';
  }
}

interface Mapped {
  status: number;
  body: Omit<ErrorBody, 'requestId'>;
  /** Log as a server fault (with the stack) rather than a client mistake. */
  fault: boolean;
}

/**
 * The one place where errors become HTTP answers: domain errors keep their message (it was
 * written for the caller), Fastify's own 4xx keep theirs, everything else is a 500 that says
 * nothing about the inside.
 */
export function mapError(error: unknown): Mapped {
  if (error instanceof HttpProblem) {
    return {
      status: error.statusCode,
      body: {
        error: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
      fault: error.statusCode >= 500 && error.statusCode !== 501,
    };
  }
  if (error instanceof RequestValidationError) {
    return { status: 400, body: { error: 'invalid_request', message: error.message }, fault: false };
  }
  if (error instanceof IndexError) return mapIndexError(error);
  if (isFastifyClientError(error)) {
    const code = error.code === 'FST_ERR_VALIDATION' ? 'invalid_request' : 'bad_request';
    return { status: error.statusCode, body: { error: code, message: error.message }, fault: false };
  }
  return {
    status: 500,
    body: { error: 'internal', message: 'something went wrong on the server; the request id is in the log' },
    fault: true,
  };
}

function mapIndexError(error: IndexError): Mapped {
  if (error instanceof NotFoundError) {
    return { status: 404, body: { error: error.code, message: error.message }, fault: false };
  }
  if (error instanceof InvalidQueryError) {
    return {
      status: 400,
      body: { error: error.code, message: error.message, details: { problems: error.problems } },
      fault: false,
    };
  }
  if (error instanceof ConflictError) {
    return {
      status: 409,
      body: {
        error: error.code,
        message: error.message,
        ...(error.current ? { details: { current: error.current } } : {}),
      },
      fault: false,
    };
  }
  if (error instanceof InvalidTransitionError) {
    return {
      status: 409,
      body: {
        error: error.code,
        message: error.message,
        details: { from: error.from, to: error.to, allowed: [...error.allowed] },
      },
      fault: false,
    };
  }
  if (error instanceof StoreError && error.retryable) {
    return {
      status: 503,
      body: { error: 'unavailable', message: 'the seller index is busy; try again shortly' },
      fault: true,
    };
  }
  return {
    status: 500,
    body: { error: 'internal', message: 'something went wrong on the server; the request id is in the log' },
    fault: true,
  };
}

/** Fastify's own request errors (bad JSON, body too large, wrong content type) are safe to echo. */
function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as Partial<FastifyError>;
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof code === 'string' &&
    code.startsWith('FST_')
  );
}

/** Fastify's error handler: map, log, answer. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = mapError(error);
  if (mapped.fault) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status: mapped.status, error: mapped.body.error }, mapped.body.message);
  const body: ErrorBody = { ...mapped.body, requestId: request.id };
  if (mapped.status === 401) void reply.header('www-authenticate', 'Bearer realm="ecomwatch"');
  void reply.code(mapped.status).type('application/json; charset=utf-8').send(body);
}

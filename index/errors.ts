/**
 * The index's domain errors. Each says what the caller should do next; the HTTP layer maps
 * them to statuses in one place (NotFound 404, Conflict 409, InvalidQuery 400).
 */
export abstract class IndexError extends Error {
  abstract readonly code: 'not_found' | 'conflict' | 'invalid_query' | 'invalid_transition' | 'store_failed';
}

/** No seller (or item) with that key: never retry. */
export class NotFoundError extends IndexError {
  readonly code = 'not_found';
  constructor(readonly key: string) {
    super(`no seller with key "${key}"`);
    this.name = 'NotFoundError';
  }
}

/** Someone else changed the case since it was read: reload it and decide again. */
export class ConflictError extends IndexError {
  readonly code = 'conflict';
  constructor(
    message: string,
    readonly current?: { status: string; caseVersion: number },
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The case cannot move that way (e.g. new → removed): a mistake, not a race. */
export class InvalidTransitionError extends IndexError {
  readonly code = 'invalid_transition';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `a case cannot go from "${from}" to "${to}"` +
        (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ` ("${from}" is final)`),
    );
    this.name = 'InvalidTransitionError';
  }
}

/** A query, filter or cursor that cannot be run: the message names the field. */
export class InvalidQueryError extends IndexError {
  readonly code = 'invalid_query';
  constructor(readonly problems: string[]) {
    super(`invalid query: ${problems.join('; ')}`);
    this.name = 'InvalidQueryError';
  }
}

/** The store refused a write as a whole (not a per-document drop): the batch did not land. */
export class StoreError extends IndexError {
  readonly code = 'store_failed';
  /** True when the store was only busy (429, 503): the same call may succeed later. */
  readonly retryable: boolean;
  constructor(message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options);
    this.name = 'StoreError';
    this.retryable = options?.retryable ?? false;
  }
}

import type { z } from 'zod';
import { ErrorResponse } from './api-schemas.js';
import { jsonSchema, type JsonSchema } from './zod-schema.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'the request does not fit the schema, or a filter or cursor is invalid',
  401: 'no token, or an unknown or revoked one',
  403: 'the token may not do this, or not for this seller',
  404: 'no such seller, listing or file',
  409: 'the case moved on since it was read, or cannot move that way',
  501: 'the module behind this route is not there yet',
};

/** The OpenAPI responses of a route: its success body and the errors it can answer. */
export function responses(
  success: z.ZodType | { status: number; description: string; schema?: JsonSchema },
  errors: readonly number[],
): Record<number, JsonSchema> {
  const result: Record<number, JsonSchema> = {};
  if ('status' in success) {
    result[success.status] = { description: success.description, ...(success.schema ?? {}) };
  } else {
    result[200] = jsonSchema(success, 'output');
  }
  for (const status of errors) {
    result[status] = { ...jsonSchema(ErrorResponse, 'output'), description: ERROR_TEXT[status] ?? 'error' };
  }
  return result;
}

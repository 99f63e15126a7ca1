import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { RequestValidationError } from '../errors.js';

export type JsonSchema = Record<string, unknown>;

/** JSON schemas this module built, back to the zod schema that validates them. */
const origins = new WeakMap<object, z.ZodType>();

/**
 * One schema, two readers: zod checks requests (with its messages and transforms), the JSON
 * Schema it generates documents the route in OpenAPI.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  origins.set(generated, schema);
  return generated;
}

/** Fastify's validator for every route: the zod schema behind the JSON one, or a refusal to start. */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const zod = origins.get(schema as object);
  const part = httpPart ?? 'request';
  if (zod === undefined) throw new Error(`the ${part} schema was not built with jsonSchema()`);
  return (data: unknown) => {
    const parsed = zod.safeParse(data);
    if (parsed.success) return { value: parsed.data };
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : part;
      return `${path}: ${issue.message}`;
    });
    return { error: new RequestValidationError(part, problems) };
  };
};

/** A query parameter that lists values: repeated (`?p=a&p=b`) or comma-separated (`?p=a,b`). */
export function listParam(description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe(`${description} (repeat the parameter or separate with commas)`)
    .transform((value) => {
      if (value === undefined) return undefined;
      const parts = (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== '');
      return parts.length > 0 ? parts : undefined;
    });
}

export const booleanParam = (description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .describe(description)
    .transform((value) => (value === undefined ? undefined : value === 'true'));

export const intParam = (description: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .optional()
    .describe(`${description} (${min}–${max})`)
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().min(min).max(max).optional());

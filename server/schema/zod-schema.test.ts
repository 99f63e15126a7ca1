import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { booleanParam, intParam, jsonSchema, listParam, zodValidatorCompiler } from './zod-schema.js';

describe('query parameter schemas', () => {
  const Query = z
    .object({ p: listParam('platforms'), n: intParam('n', 1, 10), b: booleanParam('b') })
    .strict();

  it('reads repeated and comma-separated lists, whole numbers and booleans', () => {
    expect(Query.parse({ p: ['shopee,lazada', ' tiki '], n: '7', b: 'true' })).toEqual({
      p: ['shopee', 'lazada', 'tiki'],
      n: 7,
      b: true,
    });
    expect(Query.parse({ p: ',' })).toEqual({ p: undefined, n: undefined, b: undefined });
  });

  it('names the field of a bad value', () => {
    expect(() => Query.parse({ n: '11' })).toThrow(/n/);
    expect(() => Query.parse({ n: '1.5' })).toThrow(/whole number/);
    expect(() => Query.parse({ b: 'yes' })).toThrow();
  });

  it('documents the input side as JSON Schema', () => {
    const schema = jsonSchema(Query);
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys(schema.properties as object)).toEqual(['p', 'n', 'b']);
  });
});

describe('zodValidatorCompiler', () => {
  it('refuses to start a route whose schema was not built from zod', async () => {
    const app = Fastify();
    app.setValidatorCompiler(zodValidatorCompiler);
    app.get('/x', { schema: { querystring: { type: 'object' } } }, () => 'x');
    await expect(app.ready()).rejects.toThrow(/not built with jsonSchema/);
    await app.close();
  });
});

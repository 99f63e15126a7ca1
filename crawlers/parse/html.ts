import * as cheerio from 'cheerio';
import { parseJson, asObject, asArray, type JsonObject } from './json-read.js';

export type Html = cheerio.CheerioAPI;

export function loadHtml(body: string): Html {
  return cheerio.load(body);
}

/** The JSON text of `<script id="…">`, parsed; a reason when it is absent or broken. */
export function scriptJsonById(
  $: Html,
  id: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const script = $(`script#${id}`);
  if (script.length === 0) return { ok: false, reason: `no <script id="${id}">` };
  const parsed = parseJson(script.first().text());
  return parsed.ok ? parsed : { ok: false, reason: `<script id="${id}"> is ${parsed.reason}` };
}

/**
 * The text of `<script id="…">` found by string search, without building a DOM: the fast path
 * for pages whose data sits in one script (Next.js, Modern.js). Undefined when absent.
 */
export function scriptTextById(html: string, id: string): string | undefined {
  const marker = html.search(new RegExp(`<script[^>]*\\sid=["']${id}["']`));
  if (marker < 0) return undefined;
  const start = html.indexOf('>', marker);
  const end = html.indexOf('</script>', start);
  if (start < 0 || end < 0) return undefined;
  return html.slice(start + 1, end);
}

/** `<meta property="name" content="…">` by string search (attribute order as most templates write it). */
export function metaContent(html: string, name: string): string | undefined {
  const match = new RegExp(
    `<meta[^>]+(?:property|name)=["']${name.replace(/[.:]/g, '\\$&')}["'][^>]*content=["']([^"']*)["']`,
  ).exec(html);
  return match?.[1];
}

/** Every schema.org node from JSON-LD blocks, `@graph` flattened; broken blocks skipped. */
export function jsonLdNodes($: Html): JsonObject[] {
  const nodes: JsonObject[] = [];
  $('script[type="application/ld+json"]').each((_, element) => {
    const parsed = parseJson($(element).text());
    if (!parsed.ok) return;
    const roots = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    for (const root of roots) {
      const object = asObject(root);
      if (object === undefined) continue;
      nodes.push(object);
      for (const child of asArray(object['@graph'])) {
        const childObject = asObject(child);
        if (childObject !== undefined) nodes.push(childObject);
      }
    }
  });
  return nodes;
}

export function hasType(node: JsonObject, type: string): boolean {
  const value = node['@type'];
  return value === type || (Array.isArray(value) && value.includes(type));
}

/** `<meta property=… content=…>` (or `name=`) as a map; the first value of a key wins. */
export function metaTags($: Html): Map<string, string> {
  const tags = new Map<string, string>();
  $('meta').each((_, element) => {
    const key = $(element).attr('property') ?? $(element).attr('name');
    const content = $(element).attr('content');
    if (key !== undefined && content !== undefined && !tags.has(key)) tags.set(key, content);
  });
  return tags;
}

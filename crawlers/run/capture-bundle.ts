import { z } from 'zod';
import type { FetchedDocument } from '../adapter.js';

/** Content type of the evidence a browser page leaves: the rendered HTML plus the API responses it loaded. */
export const CAPTURE_BUNDLE_TYPE = 'application/vnd.ecomwatch.capture+json';

const ResponseSchema = z.object({
  url: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  body: z.string(),
});

export const CaptureBundleSchema = z.object({
  ecomwatchCapture: z.literal(1),
  url: z.string(),
  label: z.string(),
  capturedAt: z.string(),
  status: z.number().int(),
  html: z.string(),
  userData: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  responses: z.array(ResponseSchema),
});

export type CaptureBundle = z.infer<typeof CaptureBundleSchema>;

/** A browser page as one JSON document, stored as evidence and re-readable by `ecomwatch parse`. */
export function toCaptureBundle(document: FetchedDocument): string {
  const bundle: CaptureBundle = {
    ecomwatchCapture: 1,
    url: document.url,
    label: document.label,
    capturedAt: document.capturedAt,
    status: document.status,
    html: document.body,
    ...(document.userData === undefined ? {} : { userData: document.userData }),
    responses: (document.captured ?? []).map((response) => ({
      url: response.url,
      status: response.status,
      contentType: response.contentType,
      body: response.body,
    })),
  };
  return JSON.stringify(bundle);
}

/** The document a bundle was made from, or undefined when the text is not a bundle. */
export function fromCaptureBundle(text: string): FetchedDocument | undefined {
  if (!text.trimStart().startsWith('{"ecomwatchCapture"')) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = CaptureBundleSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const bundle = parsed.data;
  return {
    url: bundle.url,
    status: bundle.status,
    contentType: 'text/html',
    body: bundle.html,
    label: bundle.label,
    capturedAt: bundle.capturedAt,
    ...(bundle.userData === undefined ? {} : { userData: bundle.userData }),
    captured: bundle.responses.map((response) => ({
      ...response,
      label: 'captured',
      capturedAt: bundle.capturedAt,
    })),
  };
}

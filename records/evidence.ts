import { z } from 'zod';

/** What was seen: the raw page or JSON, stored content-addressed, and when. */
export const EvidenceSchema = z.object({
  capturedAt: z.iso.datetime({ offset: true }),
  url: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
  path: z.string().min(1),
  contentType: z.string().optional(),
  screenshotPath: z.string().optional(),
  screenshotSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type Evidence = z.infer<typeof EvidenceSchema>;

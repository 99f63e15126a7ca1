import { z } from 'zod';

/** Platforms ecomwatch knows. `web` is any standalone shop website. */
export const PLATFORMS = ['shopee', 'lazada', 'tiki', 'tiktok', 'web'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

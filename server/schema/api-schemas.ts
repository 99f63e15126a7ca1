import { z } from 'zod';
import { FACET_NAMES, SORT_FIELDS } from '../../index/seller-index.js';
import {
  CASE_STATUSES,
  CATEGORY_IDS,
  CaseStatusSchema,
  EvidenceSchema,
  PLATFORMS,
  PlatformSchema,
  ReasonSchema,
  SellerRiskSchema,
  SIGNAL_IDS,
} from '../../records/index.js';
import { ROLES } from '../auth/principal.js';
import { booleanParam, intParam, listParam } from './zod-schema.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

// ---- requests ----

export const SearchQuery = z
  .object({
    q: z
      .string()
      .max(500)
      .optional()
      .describe('words in seller names and listing titles, with or without diacritics'),
    platform: listParam(`platforms: ${PLATFORMS.join(', ')}`),
    category: listParam(`category ids: ${CATEGORY_IDS.join(', ')}`),
    signal: listParam(`violation-sign ids: ${SIGNAL_IDS.join(', ')}`),
    province: listParam('provinces, with or without diacritics ("Ha Noi")'),
    status: listParam(`case statuses: ${CASE_STATUSES.join(', ')}`),
    minScore: intParam('lowest seller score', 0, 100),
    maxScore: intParam('highest seller score', 0, 100),
    flagged: booleanParam('only sellers the scorer flagged'),
    firstSeenFrom: z.iso.datetime({ offset: true }).optional(),
    firstSeenTo: z.iso.datetime({ offset: true }).optional(),
    lastSeenFrom: z.iso.datetime({ offset: true }).optional(),
    lastSeenTo: z.iso.datetime({ offset: true }).optional(),
    sort: z.enum(SORT_FIELDS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: intParam('sellers per page', 1, 100),
    cursor: z
      .string()
      .max(2000)
      .optional()
      .describe('the nextCursor of the previous page of the same search'),
  })
  .strict();

export const SellerParams = z
  .object({ key: z.string().min(1).max(300).describe('platform:sellerId') })
  .strict();

export const SellerDetailQuery = z
  .object({ itemLimit: intParam('most listings returned', 1, 5000) })
  .strict();

export const ItemParams = z
  .object({
    key: z.string().min(1).max(300).describe('platform:sellerId'),
    itemKey: z.string().min(1).max(300).describe('platform:listingId or platform:streamId'),
  })
  .strict();

export const EvidenceParams = ItemParams.extend({ kind: z.enum(['raw', 'screenshot']) }).strict();

export const StatusChangeBody = z
  .object({
    to: CaseStatusSchema,
    expectedStatus: CaseStatusSchema.describe('the status you saw; if it moved on, the answer is 409'),
    expectedVersion: z.number().int().nonnegative().describe('the caseVersion you saw'),
    reason: z.string().trim().min(1, 'a case change needs a reason').max(5000),
  })
  .strict();

export const AggregateQuery = z
  .object({
    platform: listParam(`platforms: ${PLATFORMS.join(', ')}`),
    category: listParam(`category ids: ${CATEGORY_IDS.join(', ')}`),
    province: listParam('provinces, with or without diacritics'),
    flaggedOnly: booleanParam('count only flagged sellers and listings (default true)'),
  })
  .strict();

export const EarlyWarningQuery = AggregateQuery.extend({
  from: day.optional().describe('first day (default: 29 days before `to`)'),
  to: day.optional().describe('last day (default: today in the configured time zone)'),
}).strict();

const teamId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a team id: lowercase letters, digits, - and _')
  .describe('a team id of leads.teams');
export const LeadListParams = z.object({ team: teamId }).strict();
export const LeadFileParams = z.object({ team: teamId, date: day }).strict();
export const LeadFileQuery = z.object({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }).strict();
export const TakedownParams = z.object({ platform: PlatformSchema }).strict();
export const TakedownQuery = z.object({ format: z.enum(['csv', 'json', 'notice']).default('csv') }).strict();

// ---- responses ----

export const ErrorResponse = z.object({
  error: z.string().describe('a stable code: unauthorized, forbidden, not_found, conflict, invalid_query…'),
  message: z.string(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const SellerHitSchema = SellerRiskSchema.extend({ key: z.string(), caseVersion: z.number().int() });

const FacetCountSchema = z.object({ value: z.string(), count: z.number().int() });

export const SearchResponse = z.object({
  total: z.number().int(),
  sellers: z.array(SellerHitSchema),
  facets: z.object(
    Object.fromEntries(FACET_NAMES.map((name) => [name, z.array(FacetCountSchema)])) as Record<
      (typeof FACET_NAMES)[number],
      z.ZodArray<typeof FacetCountSchema>
    >,
  ),
  nextCursor: z.string().optional(),
});

export const ItemSchema = z.object({
  key: z.string(),
  kind: z.enum(['listing', 'livestream']),
  platform: PlatformSchema,
  itemId: z.string(),
  sellerKey: z.string(),
  title: z.string(),
  url: z.string(),
  capturedAt: z.string(),
  score: z.number(),
  flagged: z.boolean(),
  categories: z.array(z.string()),
  signals: z.array(z.string()),
  reasons: z.array(ReasonSchema),
  evidence: EvidenceSchema.optional(),
  record: z.record(z.string(), z.unknown()).describe('the listing or livestream as it was indexed'),
});

export const CaseEventSchema = z.object({
  sellerKey: z.string(),
  at: z.string(),
  by: z.string(),
  from: CaseStatusSchema,
  to: CaseStatusSchema,
  reason: z.string(),
});

export const SellerDetailResponse = z.object({
  seller: SellerHitSchema,
  items: z.array(ItemSchema),
  reasons: z.array(ReasonSchema.extend({ itemKey: z.string() })),
  evidence: z.array(EvidenceSchema.extend({ itemKey: z.string() })),
  history: z.array(CaseEventSchema),
  allowedTransitions: z.array(CaseStatusSchema).describe('statuses this case may move to next'),
});

export const CaseStateResponse = z.object({ status: CaseStatusSchema, caseVersion: z.number().int() });

export const AuditResponse = z.object({ sellerKey: z.string(), events: z.array(CaseEventSchema) });

export const HotspotsResponse = z.object({
  provinces: z.array(z.string()).describe('the 34 units of 2025, in order, then any other province seen'),
  categories: z.array(z.string()),
  cells: z.array(
    z.object({
      province: z.string(),
      category: z.string(),
      sellers: z.number().int(),
      flaggedListings: z.number().int(),
      meanScore: z.number(),
    }),
  ),
});

const DailyCountSchema = z.object({
  day: z.string(),
  province: z.string(),
  category: z.string(),
  flaggedItems: z.number().int(),
  sellers: z.number().int(),
});

export const EarlyWarningResponse = z.object({
  from: day,
  to: day,
  days: z.array(DailyCountSchema),
  alerts: z.array(
    z.object({
      province: z.string(),
      category: z.string(),
      recent: z.number().describe('flagged items in the last 7 days'),
      baseline: z.number().describe('weekly mean of flagged items over the earlier days'),
      ratio: z.number().nullable(),
    }),
  ),
  source: z.literal('index.dailyCounts').describe('where `days` and `alerts` come from'),
  indicators: z
    .object({
      day,
      items: z.array(
        z.object({
          kind: z.enum(['spike', 'new_banned_seller', 'reappearance']),
          severity: z.enum(['medium', 'high']),
          day,
          province: z.string().optional(),
          category: z.string().optional(),
          sellerKey: z.string().optional(),
          listingKey: z.string().optional(),
          removedListingKey: z.string().optional(),
          value: z.number(),
          baseline: z.number().optional(),
          threshold: z.string(),
          message: z.string(),
        }),
      ),
    })
    .nullable()
    .describe(
      "the leads module's indicators of the newest day up to `to` that has them (null: none produced)",
    ),
});

export const MeResponse = z.object({
  tokenId: z.string(),
  role: z.enum(ROLES),
  name: z.string(),
  scope: z.object({
    provinces: z.array(z.string()),
    categories: z.array(z.string()),
    team: z.string().optional(),
    platform: PlatformSchema.optional(),
  }),
});

export const HealthResponse = z.object({ status: z.literal('ok') });

export const LeadListsResponse = z.object({
  team: z.string(),
  lists: z.array(
    z.object({
      date: day,
      producedAt: z.string(),
      formats: z.array(z.enum(['csv', 'xlsx', 'json'])),
      sellers: z.number().int().nullable(),
    }),
  ),
});

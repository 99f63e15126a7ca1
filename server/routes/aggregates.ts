import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { localDay } from '../../index/local-day.js';
import type { AggregateFilter } from '../../index/seller-index.js';
import { CATEGORY_IDS } from '../../records/index.js';
import { normaliseProvince, PROVINCE_NAMES } from '../../scoring/sellers/index.js';
import { CASE_READERS, principalOf, scopeAggregateFilter } from '../auth/access.js';
import type { Principal } from '../auth/principal.js';
import type { Indicator } from '../leads-provider.js';
import {
  AggregateQuery,
  EarlyWarningQuery,
  EarlyWarningResponse,
  HotspotsResponse,
} from '../schema/api-schemas.js';
import { responses } from '../schema/responses.js';
import { jsonSchema } from '../schema/zod-schema.js';
import { addDays, risingCells } from './early-warning.js';
import type { RouteContext } from './route-context.js';

/** The province × category heat map and the daily counts behind its trends and alerts. */
export function registerAggregateRoutes(app: FastifyInstance, context: RouteContext): void {
  const { index } = context;

  app.get<{ Querystring: z.output<typeof AggregateQuery> }>(
    '/api/hotspots',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['aggregates'],
        summary: 'Sellers, flagged listings and mean score per province × category (the 34 units of 2025)',
        querystring: jsonSchema(AggregateQuery),
        response: responses(HotspotsResponse, [400, 401, 403]),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const cells = await index.hotspots(scopeAggregateFilter(principal, aggregateFilter(request.query)));
      const seen = new Set(PROVINCE_NAMES);
      const others = [...new Set(cells.map((cell) => cell.province))]
        .filter((name) => !seen.has(name))
        .sort();
      return { provinces: [...PROVINCE_NAMES, ...others], categories: visibleCategories(principal), cells };
    },
  );

  app.get<{ Querystring: z.output<typeof EarlyWarningQuery> }>(
    '/api/early-warning',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags: ['aggregates'],
        summary: 'Flagged items per day × province × category, and the cells rising fastest',
        description:
          'Served from the index’s daily counts until the leads module provides its early warnings. ' +
          'An alert: ≥ 3 flagged items in the last 7 days and at least twice the weekly mean before.',
        querystring: jsonSchema(EarlyWarningQuery),
        response: responses(EarlyWarningResponse, [400, 401, 403]),
      },
    },
    async (request) => {
      const { from: fromDay, to: toDay, ...rest } = request.query;
      const to = toDay ?? localDay(context.now().toISOString(), context.timeZone);
      const from = fromDay ?? addDays(to, -29);
      const filter = scopeAggregateFilter(principalOf(request), aggregateFilter(rest));
      const days = await index.dailyCounts({ ...filter, from, to });
      const indicators = await leadIndicators(context, principalOf(request), filter, to);
      return {
        from,
        to,
        days,
        alerts: risingCells(days, from, to),
        source: 'index.dailyCounts' as const,
        indicators,
      };
    },
  );
}

/** Days looked back for the daily run's indicators when `to` has none yet (today's run may be pending). */
const INDICATOR_LOOKBACK_DAYS = 7;

async function leadIndicators(
  context: RouteContext,
  principal: Principal,
  filter: AggregateFilter,
  to: string,
): Promise<{ day: string; items: Indicator[] } | null> {
  const read = context.leads?.earlyWarnings?.bind(context.leads);
  if (read === undefined) return null;
  for (let back = 0; back < INDICATOR_LOOKBACK_DAYS; back++) {
    const day = addDays(to, -back);
    const items = await read(day);
    if (items !== undefined) return { day, items: items.filter((item) => visible(item, principal, filter)) };
  }
  return null;
}

/** The same narrowing as the counts: the request's filters, and a team's own area. */
function visible(item: Indicator, principal: Principal, filter: AggregateFilter): boolean {
  const unit = normaliseProvince(item.province).province;
  const provinces = (filter.province ?? []).map((name) => normaliseProvince(name).province ?? name);
  if (provinces.length > 0 && (unit === undefined || !provinces.includes(unit))) return false;
  const categories = filter.category ?? [];
  if (categories.length > 0 && (item.category === undefined || !categories.includes(item.category)))
    return false;
  if (principal.role === 'team') {
    const scope = principal.scope;
    if (scope.provinces.length > 0 && (unit === undefined || !scope.provinces.includes(unit))) return false;
    if (scope.categories.length > 0 && !scope.categories.some((id) => id === item.category)) return false;
  }
  return true;
}

function aggregateFilter(query: z.output<typeof AggregateQuery>): AggregateFilter {
  const filter: AggregateFilter = {};
  if (query.platform !== undefined) filter.platform = query.platform;
  if (query.category !== undefined) filter.category = query.category;
  if (query.province !== undefined) filter.province = query.province;
  if (query.flaggedOnly !== undefined) filter.flaggedOnly = query.flaggedOnly;
  return filter;
}

function visibleCategories(principal: Principal): string[] {
  const scoped = principal.role === 'team' ? principal.scope.categories : [];
  return scoped.length > 0 ? CATEGORY_IDS.filter((id) => scoped.includes(id)) : [...CATEGORY_IDS];
}

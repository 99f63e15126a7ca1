import type { CategoryId } from '../records/index.js';
import { normaliseProvince } from '../scoring/sellers/index.js';
import type { Team, Teams } from './teams.js';

/** What routing reads of a seller. */
export interface RoutableSeller {
  province?: string;
  locationRaw?: string;
  categories: readonly CategoryId[];
}

export interface Route {
  team: Team;
  /** The unit the seller was routed by, "Nước ngoài", or undefined when not known. */
  unit?: string;
  /** Why this team, in a few words, for the list and the audit. */
  because: string;
}

/**
 * Sends a seller to exactly one team. The province (as stored, else the raw location) is
 * mapped to its unit; then, among the non-default teams covering that unit (or all units):
 * 1. the first team, in configuration order, that names one of the seller's categories;
 * 2. else the first that covers every category;
 * 3. else the default team. An unknown province only matches teams covering all provinces.
 * A named product line beats a catch-all because "one lead agency per area and product line":
 * a provincial pharmaceuticals team outranks the same province's general team.
 */
export function routeSeller(seller: RoutableSeller, teams: Teams): Route {
  const unit = normaliseProvince(seller.province).province ?? normaliseProvince(seller.locationRaw).province;
  let catchAll: Team | undefined;
  for (const team of teams.all) {
    // The default team catches leftovers; it competes in order only when it names an area or line.
    if (team.isDefault && team.provinces.size === 0 && team.categories.size === 0) continue;
    const coversPlace = team.provinces.size === 0 || (unit !== undefined && team.provinces.has(unit));
    if (!coversPlace) continue;
    if (team.categories.size === 0) {
      catchAll ??= team;
      continue;
    }
    const named = seller.categories.find((category) => team.categories.has(category));
    if (named !== undefined) return withUnit({ team, because: `${unit ?? 'any province'} × ${named}` }, unit);
  }
  if (catchAll !== undefined) return withUnit({ team: catchAll, because: unit ?? 'any province' }, unit);
  return withUnit(
    {
      team: teams.defaultTeam,
      because: unit === undefined ? 'province unknown' : `no team covers ${unit} for these categories`,
    },
    unit,
  );
}

function withUnit(route: Route, unit: string | undefined): Route {
  if (unit !== undefined) route.unit = unit;
  return route;
}

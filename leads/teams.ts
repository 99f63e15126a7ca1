import { ConfigError, type Config } from '../config/index.js';
import type { CategoryId } from '../records/index.js';
import { ABROAD, normaliseProvince } from '../scoring/sellers/index.js';

/** A surveillance team as routing uses it: provinces already mapped to the 34 units. */
export interface Team {
  id: string;
  name: string;
  /** Unit names (or "Nước ngoài"); empty = every province, known or not. */
  provinces: ReadonlySet<string>;
  /** Empty = every product line. */
  categories: ReadonlySet<CategoryId>;
  /** True for the team that catches what no other team covers. */
  isDefault: boolean;
}

export interface Teams {
  /** In configuration order, the default team last. */
  all: readonly Team[];
  byId: ReadonlyMap<string, Team>;
  defaultTeam: Team;
}

/**
 * Reads `leads.teams` and `leads.defaultTeam`. Every province a team names is mapped to its
 * unit now (any form provinces.md allows: old names, without diacritics, with "Tỉnh"/"TP.");
 * a name that is no unit is a configuration error, never a team that silently gets nothing.
 */
export function resolveTeams(config: Pick<Config, 'leads'>): Teams {
  const problems: string[] = [];
  const all: Team[] = [];
  const byId = new Map<string, Team>();
  config.leads.teams.forEach((declared, position) => {
    if (byId.has(declared.id)) {
      problems.push(`leads.teams[${position}].id: "${declared.id}" is used by an earlier team`);
      return;
    }
    const provinces = new Set<string>();
    for (const name of declared.provinces) {
      const unit = normaliseProvince(name).province;
      if (unit === undefined) {
        problems.push(
          `leads.teams[${position}].provinces: "${name}" is not one of the 34 units, an old province name, or "${ABROAD}"`,
        );
      } else provinces.add(unit);
    }
    const team: Team = {
      id: declared.id,
      name: declared.name ?? declared.id,
      provinces,
      categories: new Set(declared.categories),
      isDefault: declared.id === config.leads.defaultTeam,
    };
    all.push(team);
    byId.set(team.id, team);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  let defaultTeam = byId.get(config.leads.defaultTeam);
  if (defaultTeam === undefined) {
    defaultTeam = {
      id: config.leads.defaultTeam,
      name: config.leads.defaultTeam,
      provinces: new Set(),
      categories: new Set(),
      isDefault: true,
    };
    all.push(defaultTeam);
    byId.set(defaultTeam.id, defaultTeam);
  }
  return { all, byId, defaultTeam };
}

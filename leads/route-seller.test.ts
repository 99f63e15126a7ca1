import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/index.js';
import { ABROAD, PROVINCE_UNITS } from '../scoring/sellers/index.js';
import { routeSeller } from './route-seller.js';
import { resolveTeams } from './teams.js';

const stripDiacritics = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Every way a seller or a marketplace writes a unit: its name, old names, aliases, bare or prefixed. */
function forms(unit: (typeof PROVINCE_UNITS)[number]): string[] {
  const names = [unit.name, ...unit.mergedFrom, ...unit.aliases];
  const out = new Set<string>();
  for (const name of names) {
    const bare = name.replace(/^TP\.\s*/u, '');
    for (const form of [name, bare, `Tỉnh ${bare}`, `Thành phố ${bare}`, `TP. ${bare}`, `Quận 1, ${name}`]) {
      out.add(form);
      out.add(stripDiacritics(form));
      out.add(form.toUpperCase());
    }
  }
  return [...out];
}

// One team per unit, declared by an old or diacritic-free name to prove config forms map too.
const perUnit = PROVINCE_UNITS.map((unit, i) => ({
  id: `unit-${i}`,
  provinces: [stripDiacritics(unit.mergedFrom[unit.mergedFrom.length - 1]!)],
}));

describe('routeSeller', () => {
  const teams = resolveTeams({
    leads: {
      teams: [...perUnit, { id: 'abroad', provinces: [ABROAD], categories: [] }],
      defaultTeam: 'triage',
    },
  } as never);

  it('routes every name form of every unit to that unit’s team', () => {
    let checked = 0;
    PROVINCE_UNITS.forEach((unit, i) => {
      for (const form of forms(unit)) {
        const route = routeSeller({ province: form, categories: ['cosmetics'] }, teams);
        expect({ form, team: route.team.id, unit: route.unit }).toEqual({
          form,
          team: `unit-${i}`,
          unit: unit.name,
        });
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(34 * 10);
  });

  it('routes by the raw location when the stored province is missing', () => {
    const route = routeSeller({ locationRaw: 'Huyện Cần Giờ, Sài Gòn', categories: [] }, teams);
    expect(route.unit).toBe('TP. Hồ Chí Minh');
  });

  it('sends unknown or missing provinces to the default team, and cross-border to its own team', () => {
    for (const province of [undefined, '', 'Atlantis', 'Kho hàng 3', '12345']) {
      const route = routeSeller(
        province === undefined ? { categories: [] } : { province, categories: [] },
        teams,
      );
      expect(route.team.id).toBe('triage');
      expect(route.team.isDefault).toBe(true);
    }
    expect(routeSeller({ province: 'Quảng Châu', categories: [] }, teams).team.id).toBe('abroad');
    expect(routeSeller({ province: 'Nước ngoài', categories: [] }, teams).team.id).toBe('abroad');
  });

  it('prefers a team naming the product line over the area catch-all, then file order', () => {
    const layered = resolveTeams({
      leads: {
        teams: [
          { id: 'hn-general', provinces: ['Hà Nội'], categories: [] },
          { id: 'hn-health', provinces: ['Ha Noi'], categories: ['pharmaceuticals', 'supplements'] },
          { id: 'national-tobacco', provinces: [], categories: ['e_cigarettes', 'heated_tobacco'] },
          { id: 'hn-tobacco', provinces: ['Hà Nội'], categories: ['e_cigarettes'] },
        ],
        defaultTeam: 'triage',
      },
    } as never);
    const route = (province: string, categories: string[]) =>
      routeSeller({ province, categories: categories as never }, layered).team.id;
    expect(route('Hà Nội', ['supplements'])).toBe('hn-health');
    expect(route('Hà Nội', ['cosmetics'])).toBe('hn-general');
    expect(route('Hà Nội', ['e_cigarettes'])).toBe('national-tobacco');
    expect(route('Đà Nẵng', ['heated_tobacco'])).toBe('national-tobacco');
    expect(route('Đà Nẵng', ['cosmetics'])).toBe('triage');
    expect(route('', ['e_cigarettes'])).toBe('national-tobacco');
  });

  it('gives each seller exactly one team', () => {
    const categories = ['cosmetics', 'e_cigarettes'] as const;
    const a = routeSeller({ province: 'Hải Dương', categories: [...categories] }, teams);
    const b = routeSeller({ province: 'Hai Phong', categories: [...categories] }, teams);
    expect(a.team).toBe(b.team);
  });

  it('refuses a team province that is no unit, and a repeated team id, naming the setting', () => {
    const bad = () =>
      resolveTeams({
        leads: {
          teams: [
            { id: 'a', provinces: ['Gotham'], categories: [] },
            { id: 'a', provinces: [], categories: [] },
          ],
          defaultTeam: 'triage',
        },
      } as never);
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/leads\.teams\[0\]\.provinces: "Gotham"/);
    expect(bad).toThrow(/leads\.teams\[1\]\.id: "a"/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { isFormulaLike, neutraliseCell } from './cell-safety.js';
import { legalBasisFor, legalBasisText } from './legal-basis.js';
import { routeSeller } from './route-seller.js';
import { resolveTeams } from './teams.js';

function configFrom(yaml: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'ecomwatch-leads-config-')), 'ecomwatch.config.yaml');
  writeFileSync(file, yaml);
  return loadConfig({ env: {}, file });
}

describe('the leads settings', () => {
  it('reads teams, the default team, the agency and legal-basis overrides from the config file', () => {
    const config = configFrom(`
leads:
  defaultTeam: central
  teams:
    - id: hcm
      name: QLTT TP.HCM
      provinces: [Binh Duong, "Bà Rịa - Vũng Tàu", TP. Hồ Chí Minh]
  requestingAgency:
    name: Sở Công Thương TP.HCM
    email: sct@example.vn
  legalBasis:
    cosmetics:
      - { instrument: "Thông tư X", article: "Điều 1", text: "Văn bản do pháp chế duyệt", status: V }
`);
    const teams = resolveTeams(config);
    expect([...teams.byId.keys()]).toEqual(['hcm', 'central']);
    expect([...teams.byId.get('hcm')!.provinces]).toEqual(['TP. Hồ Chí Minh']);
    expect(routeSeller({ province: 'Vung Tau', categories: [] }, teams).team.id).toBe('hcm');
    expect(routeSeller({ province: 'Hà Nội', categories: [] }, teams).team.id).toBe('central');
    expect(config.leads.requestingAgency).toMatchObject({ name: 'Sở Công Thương TP.HCM', country: 'VN' });
    expect(legalBasisFor(config, { categories: ['cosmetics'] })).toEqual([
      { instrument: 'Thông tư X', article: 'Điều 1', text: 'Văn bản do pháp chế duyệt', status: 'V' },
    ]);
  });

  it('names a bad team or legal-basis entry', () => {
    expect(() => configFrom('leads:\n  teams:\n    - id: Bad Id\n')).toThrow(/leads\.teams/);
    expect(() =>
      configFrom('leads:\n  legalBasis:\n    milk: [{ instrument: x, text: y, status: maybe }]\n'),
    ).toThrow(/leads\.legalBasis/);
    expect(() => configFrom('leads:\n  teams:\n    - id: a\n      categories: [vapes]\n')).toThrow(
      /leads\.teams/,
    );
  });
});

describe('legal basis', () => {
  it('combines the platform duty, category and sign, once each, with every status shown', () => {
    const defaults = { leads: { legalBasis: {} } } as Parameters<typeof legalBasisFor>[0];
    const entries = legalBasisFor(defaults, {
      duty: 'platform',
      categories: ['e_cigarettes', 'heated_tobacco'],
      signs: ['banned_goods'],
    });
    const instruments = entries.map((entry) => entry.instrument);
    expect(instruments[0]).toMatch(/Luật Quảng cáo/);
    expect(instruments.filter((name) => name === 'Luật Đầu tư 2025')).toHaveLength(1);
    const text = legalBasisText(entries);
    expect(text).toContain('Nghị định 248/2026/NĐ-CP, Điều 4 khoản 1 điểm c–đ');
    expect(text).toContain('[U: CHƯA XÁC MINH / UNVERIFIED]');
    expect(text).toContain('[V-n:');
  });
});

describe('cell safety', () => {
  it('neutralises exactly the cells a spreadsheet would evaluate', () => {
    for (const text of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '  =1']) {
      expect(isFormulaLike(text)).toBe(true);
      expect(neutraliseCell(text)).toBe(`'${text}`);
    }
    for (const text of ['Kem 1+1', 'a=b', 'https://x.example/?a=1', '', 'Hà Nội', '1-2']) {
      expect(neutraliseCell(text)).toBe(text);
    }
  });
});

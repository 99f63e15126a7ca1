import type { CategoryId, Platform } from '../../records/index.js';

export const ROLES = ['admin', 'analyst', 'team', 'platform'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a token may see beyond its role. `team`: its provinces (unit names) and categories,
 * each empty = all, and the team id whose lead lists it reads; `platform`: the one platform
 * whose takedown exports it downloads.
 */
export interface TokenScope {
  provinces: string[];
  categories: CategoryId[];
  team?: string;
  platform?: Platform;
}

/** Who is asking: the token's id, role, scope and a name for the audit log. */
export interface Principal {
  tokenId: string;
  role: Role;
  name: string;
  scope: TokenScope;
}

/** How the audit log names the person behind a token. */
export function actorOf(principal: Principal): string {
  return `${principal.name} (${principal.role}, token ${principal.tokenId})`;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AggregateFilter, SellerHit, SellerQuery } from '../../index/seller-index.js';
import type { CategoryId, Platform } from '../../records/index.js';
import { normaliseProvince } from '../../scoring/sellers/index.js';
import { forbidden, unauthorized } from '../errors.js';
import type { Principal, Role } from './principal.js';
import type { TokenStore } from './token-store.js';

/** Who may call a route: nobody needs a token (`public`), or one of these roles. */
export type Access = 'public' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Roles that read cases (team: only its own provinces and categories). */
export const CASE_READERS: readonly Role[] = ['admin', 'analyst', 'team'];
/** Roles that move cases along. */
export const CASE_WRITERS: readonly Role[] = ['admin', 'analyst'];

/**
 * Checks the bearer token of every route that is not public, then the route's roles. An API
 * route that forgets to declare its access refuses to register, so nothing is open by mistake.
 */
export function registerAccessControl(app: FastifyInstance, tokens: TokenStore, apiPrefix: string): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith(apiPrefix) && access === undefined) {
      throw new Error(`route ${route.method.toString()} ${route.url} declares no access`);
    }
  });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkAccess(request, tokens);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

function checkAccess(request: FastifyRequest, tokens: TokenStore): void {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  const principal = authenticate(request, tokens);
  request.principal = principal;
  if (!access.roles.includes(principal.role)) {
    throw forbidden(`a ${principal.role} token may not use this: it needs ${access.roles.join(' or ')}`);
  }
}

function authenticate(request: FastifyRequest, tokens: TokenStore): Principal {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    throw unauthorized(
      'sign in: send "Authorization: Bearer <token>" (tokens come from `ecomwatch token create`)',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw unauthorized('the Authorization header must be "Bearer <token>"');
  const principal = tokens.verify(match[1]!);
  if (principal === undefined) throw unauthorized('the token is unknown or revoked');
  return principal;
}

/** The principal of a route that declared roles (the hook has run). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw unauthorized('sign in first');
  return request.principal;
}

/**
 * A team sees only its provinces and categories: its search is narrowed to them, and asking
 * for anything outside them is refused rather than silently emptied.
 */
export function scopeSellerQuery(principal: Principal, query: SellerQuery): SellerQuery {
  if (principal.role !== 'team') return query;
  return { ...query, ...scopeFilters(principal, query) };
}

export function scopeAggregateFilter(principal: Principal, filter: AggregateFilter): AggregateFilter {
  if (principal.role !== 'team') return filter;
  return { ...filter, ...scopeFilters(principal, filter) };
}

function scopeFilters(
  principal: Principal,
  filter: { province?: string[]; category?: string[] },
): { province?: string[]; category?: string[] } {
  const { provinces, categories } = principal.scope;
  const narrowed: { province?: string[]; category?: string[] } = {};
  if (provinces.length > 0) {
    const outside = (filter.province ?? []).filter((name) => !provinces.includes(unitOf(name) ?? name));
    if (outside.length > 0) {
      throw forbidden(`your team covers ${provinces.join(', ')} only, not ${outside.join(', ')}`);
    }
    narrowed.province = filter.province ?? [...provinces];
  }
  if (categories.length > 0) {
    const outside = (filter.category ?? []).filter((id) => !categories.includes(id as CategoryId));
    if (outside.length > 0) {
      throw forbidden(`your team covers ${categories.join(', ')} only, not ${outside.join(', ')}`);
    }
    narrowed.category = filter.category ?? [...categories];
  }
  return narrowed;
}

/** Refuses a seller outside a team's provinces or categories. */
export function assertMaySeeSeller(principal: Principal, seller: SellerHit): void {
  if (principal.role === 'admin' || principal.role === 'analyst') return;
  if (principal.role !== 'team') throw forbidden(`a ${principal.role} token may not read cases`);
  const { provinces, categories } = principal.scope;
  const unit = unitOf(seller.province);
  if (provinces.length > 0 && (unit === undefined || !provinces.includes(unit))) {
    throw forbidden(`seller ${seller.key} is outside your team's provinces`);
  }
  if (categories.length > 0 && !seller.categories.some((id) => categories.includes(id))) {
    throw forbidden(`seller ${seller.key} is outside your team's categories`);
  }
}

/** A team token reads its own team's lead lists only. */
export function assertMayReadLeads(principal: Principal, team: string): void {
  if (principal.role === 'team' && principal.scope.team !== team) {
    throw forbidden(
      principal.scope.team === undefined
        ? 'this team token names no team, so it reads no lead lists'
        : `this token reads the lead lists of team "${principal.scope.team}" only`,
    );
  }
}

/** A platform token downloads its own platform's takedown exports only. */
export function assertMayReadTakedowns(principal: Principal, platform: Platform): void {
  if (principal.role === 'platform' && principal.scope.platform !== platform) {
    throw forbidden(
      `this token downloads the takedown exports of ${principal.scope.platform ?? 'no platform'} only`,
    );
  }
}

function unitOf(name: string | undefined): string | undefined {
  return normaliseProvince(name).province;
}

import type { Config } from '../config/index.js';
import type { Platform } from '../records/index.js';

/** How each platform is named as the recipient of a request. */
export const PLATFORM_OPERATORS: Readonly<Record<Platform, string>> = {
  shopee: 'Shopee Việt Nam (shopee.vn)',
  lazada: 'Lazada Việt Nam (lazada.vn)',
  tiki: 'Tiki (tiki.vn)',
  tiktok: 'TikTok Shop Việt Nam',
  web: 'Chủ sở hữu / nhà cung cấp dịch vụ lưu trữ website bán hàng',
};

export interface NoticeEntity {
  role: 'sender' | 'recipient';
  name: string;
  nameEn?: string;
  address?: string;
  email?: string;
  phone?: string;
  country: string;
}

export function senderEntity(config: Pick<Config, 'leads'>): NoticeEntity {
  const agency = config.leads.requestingAgency;
  const entity: NoticeEntity = { role: 'sender', name: agency.name, country: agency.country };
  if (agency.nameEn !== undefined) entity.nameEn = agency.nameEn;
  if (agency.address !== undefined) entity.address = agency.address;
  if (agency.email !== undefined) entity.email = agency.email;
  if (agency.phone !== undefined) entity.phone = agency.phone;
  return entity;
}

export function recipientEntity(platform: Platform): NoticeEntity {
  return { role: 'recipient', name: PLATFORM_OPERATORS[platform], country: 'VN' };
}

/** `TD-shopee-20261120-1a2b3c`: kind, platform, day, and a random tail so two runs never collide. */
export function requestId(prefix: 'TD' | 'SI', platform: Platform, now: Date, random: string): string {
  return `${prefix}-${platform}-${now.toISOString().slice(0, 10).replace(/-/gu, '')}-${random}`;
}

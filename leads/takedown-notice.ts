import type { Config } from '../config/index.js';
import type { Platform } from '../records/index.js';
import { legalBasisFor, type LegalBasisEntry } from './legal-basis.js';
import { recipientEntity, senderEntity, type NoticeEntity } from './request-parties.js';
import type { TakedownItem } from './takedown-items.js';

export const NOTICE_SCHEMA = 'ecomwatch-takedown-notice/1';

/** A group of listings with the same categories and signs: one "work" of a Lumen-style notice. */
export interface NoticeWork {
  description: string;
  categories: string[];
  signs: string[];
  legal_basis: LegalBasisEntry[];
  infringing_urls: {
    url: string;
    listing_id: string;
    shop_id: string;
    shop_name?: string;
    captured_at: string;
    evidence?: { sha256: string; captured_at: string; url?: string; screenshot_sha256?: string };
  }[];
}

/**
 * One structured notice per request, modelled on the Lumen database's notice format (a
 * `GovernmentRequest` with sender and recipient entities and "works", each with its
 * infringing URLs) and on the EU DSA Art. 9 order contents (issuing authority, legal basis,
 * statement of reasons, exact URLs, deadline). Verification status rides on every provision.
 */
export interface TakedownNotice {
  schema: typeof NOTICE_SCHEMA;
  notice: {
    id: string;
    type: 'GovernmentRequest';
    title: string;
    subject: string;
    date_sent: string;
    jurisdictions: string[];
    language: string;
    requested_action: 'remove';
    response_requested_within_hours: number;
    response_basis: LegalBasisEntry[];
    entities: NoticeEntity[];
    legal_basis: LegalBasisEntry[];
    works: NoticeWork[];
    item_count: number;
    statement: string;
  };
}

export function takedownNotice(
  config: Pick<Config, 'leads'>,
  input: { requestId: string; platform: Platform; createdAt: string; items: readonly TakedownItem[] },
): TakedownNotice {
  const works = new Map<string, NoticeWork>();
  for (const item of input.items) {
    const key = `${item.categories.join(',')}|${item.signs.join(',')}`;
    let work = works.get(key);
    if (work === undefined) {
      work = {
        description: `Hàng hóa: ${item.categories.join(', ') || '—'}; dấu hiệu vi phạm: ${item.signs.join(', ') || '—'}`,
        categories: item.categories,
        signs: item.signs,
        legal_basis: legalBasisFor(config, { categories: item.categories, signs: item.signs }),
        infringing_urls: [],
      };
      works.set(key, work);
    }
    const url: NoticeWork['infringing_urls'][number] = {
      url: item.url,
      listing_id: item.listingId,
      shop_id: item.shopId,
      captured_at: item.capturedAt,
    };
    if (item.shopName !== undefined) url.shop_name = item.shopName;
    if (item.evidenceSha256 !== undefined) {
      url.evidence = { sha256: item.evidenceSha256, captured_at: item.evidenceCapturedAt ?? item.capturedAt };
      if (item.evidenceUrl !== undefined) url.evidence.url = item.evidenceUrl;
      if (item.screenshotSha256 !== undefined) url.evidence.screenshot_sha256 = item.screenshotSha256;
    }
    work.infringing_urls.push(url);
  }
  const platformDuty = legalBasisFor(config, { duty: 'platform' });
  return {
    schema: NOTICE_SCHEMA,
    notice: {
      id: input.requestId,
      type: 'GovernmentRequest',
      title: `Yêu cầu gỡ bỏ thông tin hàng hóa vi phạm trên ${input.platform} (${input.items.length} tin đăng)`,
      subject:
        'Takedown request: listings showing signs of violation (counterfeit, banned, smuggled or unlawful goods)',
      date_sent: input.createdAt,
      jurisdictions: ['VN'],
      language: 'vi',
      requested_action: 'remove',
      response_requested_within_hours: 24,
      response_basis: platformDuty.filter((entry) => /24/u.test(entry.text)),
      entities: [senderEntity(config), recipientEntity(input.platform)],
      legal_basis: platformDuty,
      works: [...works.values()],
      item_count: input.items.length,
      statement:
        'Các tin đăng dưới đây có dấu hiệu vi phạm theo căn cứ nêu kèm; bằng chứng được lưu kèm mã SHA-256 và thời điểm thu thập. Căn cứ có trạng thái U chưa được xác minh và cần đối chiếu trước khi áp dụng.',
    },
  };
}

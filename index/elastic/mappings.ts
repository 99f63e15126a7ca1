import type { estypes } from '@elastic/elasticsearch';

/**
 * The three indices of the Elasticsearch store. Each lives as `<prefix>-<kind>-v<version>`
 * behind the alias `<prefix>-<kind>`; bump a version when its mapping changes and the next
 * open rebuilds that index and swaps the alias (see aliases.ts).
 */
export const INDEX_KINDS = ['sellers', 'items', 'case-events'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

export const MAPPING_VERSIONS: Record<IndexKind, number> = { sellers: 1, items: 1, 'case-events': 1 };

/**
 * Vietnamese folding: lowercase then asciifolding (which, unlike SQLite's unicode61, folds
 * đ→d). Text arrives pre-folded by `foldSearchText` too, so both stores split words alike;
 * the analyzer makes raw text typed into Kibana or a direct query fold the same way.
 */
export const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  analyzer: {
    vi_fold: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
  },
  normalizer: {
    vi_fold_keyword: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
  },
};

const keyword: estypes.MappingProperty = { type: 'keyword' };
const foldedText: estypes.MappingProperty = { type: 'text', analyzer: 'vi_fold' };
/** Display text that is searched folded and faceted / sorted exactly. */
const textWithKeyword: estypes.MappingProperty = {
  type: 'text',
  analyzer: 'vi_fold',
  fields: {
    keyword: { type: 'keyword', ignore_above: 512 },
    folded: { type: 'keyword', normalizer: 'vi_fold_keyword', ignore_above: 512 },
  },
};
const stored: estypes.MappingProperty = { type: 'object', enabled: false };

export const MAPPINGS: Record<IndexKind, estypes.MappingTypeMapping> = {
  sellers: {
    dynamic: 'strict',
    properties: {
      key: keyword,
      platform: keyword,
      sellerId: keyword,
      hasProfile: { type: 'boolean' },
      name: textWithKeyword,
      nameFolded: foldedText,
      sortName: keyword,
      province: textWithKeyword,
      provinceFolded: keyword,
      categories: keyword,
      signals: keyword,
      listingCount: { type: 'integer' },
      flaggedListingCount: { type: 'integer' },
      score: { type: 'short' },
      flagged: { type: 'boolean' },
      firstSeen: { type: 'date' },
      lastSeen: { type: 'date' },
      status: keyword,
      caseVersion: { type: 'integer' },
      titleKeys: { type: 'keyword', index: false, doc_values: false },
      titlesFolded: foldedText,
      record: stored,
    },
  },
  items: {
    dynamic: 'strict',
    properties: {
      key: keyword,
      kind: keyword,
      platform: keyword,
      itemId: keyword,
      sellerKey: keyword,
      title: textWithKeyword,
      titleFolded: foldedText,
      capturedAt: { type: 'date' },
      day: keyword,
      province: keyword,
      provinceFolded: keyword,
      score: { type: 'short' },
      flagged: { type: 'boolean' },
      categories: keyword,
      signals: keyword,
      record: stored,
    },
  },
  'case-events': {
    dynamic: 'strict',
    properties: {
      sellerKey: keyword,
      at: { type: 'date' },
      recordedAt: { type: 'date_nanos' },
      by: keyword,
      from: keyword,
      to: keyword,
      reason: { type: 'text' },
    },
  },
};

export interface IndexNames {
  alias: string;
  /** The concrete index of the current mapping version. */
  versioned: string;
  /** Pattern the index template applies to. */
  pattern: string;
  template: string;
}

export function indexNames(prefix: string, kind: IndexKind, version = MAPPING_VERSIONS[kind]): IndexNames {
  const alias = `${prefix}-${kind}`;
  return { alias, versioned: `${alias}-v${version}`, pattern: `${alias}-v*`, template: alias };
}

export function indexTemplate(prefix: string, kind: IndexKind): estypes.IndicesPutIndexTemplateRequest {
  const names = indexNames(prefix, kind);
  return {
    name: names.template,
    index_patterns: [names.pattern],
    priority: 200,
    _meta: { owner: 'ecomwatch', mappingVersion: MAPPING_VERSIONS[kind] },
    template: {
      settings: { number_of_shards: 1, analysis: ANALYSIS },
      mappings: MAPPINGS[kind],
    },
  };
}

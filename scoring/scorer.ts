import type { Listing } from '../records/listing.js';
import { isLivestream, type Livestream } from '../records/livestream.js';
import type { CategoryId, Reason, RiskAssessment, SignalId } from '../records/risk.js';
import { textFeatures } from './classifier/features.js';
import { FlagClassifier } from './classifier/flag-classifier.js';
import type { CategoryLexicon, SignLexicon } from './lexicons/lexicon-schema.js';
import { loadLexicons, type Lexicons } from './lexicons/load-lexicons.js';
import { TermMatcher, type Hit, type MatchField } from './match/term-matcher.js';
import { brandPriceFindings } from './rules/brand-price-rule.js';
import { categoryFindings, licensedCategories } from './rules/category-findings.js';
import { detectCategories } from './rules/category-rule.js';
import { applyNegativeContexts } from './rules/negative-contexts.js';
import { COMBO_JOINS, LIST_JOINS, type Finding, type Offer, type RuleContext } from './rules/rule-context.js';
import { officialStoreFindings } from './rules/seller-rule.js';
import { signFindings } from './rules/sign-rule.js';
import { statedPrice } from './rules/stated-price.js';
import { compileTerms } from './compile-terms.js';
import { rulesetVersion } from './ruleset.js';
import { Teencode } from './text/teencode.js';
import type { FoldedText } from './text/folded-text.js';

export interface ScorerOptions {
  /** Score at or above which an inspector should look. */
  flagThreshold: number;
  /** Most points the classifier may add or take away; 0 leaves it out. */
  classifierWeight: number;
}

/** Anything but whitespace: a field of blanks says nothing (and `trim` would copy the text). */
const HAS_TEXT = /\S/;

/** Goods that are a lead by themselves never score below the threshold plus this. */
const LEAD_FLOOR_ABOVE_THRESHOLD = 10;

interface RecordView {
  fields: MatchField[];
  offers: Offer[];
  isOfficialStore: boolean;
  sellerName: FoldedText | undefined;
}

/** The seller's name says who sells, not what: the classifier reads the item's own words. */
function itemTexts(fields: readonly MatchField[]): FoldedText[] {
  return fields.filter(({ field }) => field !== 'sellerName').map(({ text }) => text);
}

/**
 * Scores listings and livestreams. Build it once (it compiles every lexicon term into one
 * automaton), then call `assess` per record: one fold per field, one pass over the text.
 */
export class Scorer {
  readonly ruleset: string;
  private readonly matcher: TermMatcher;
  private readonly categoryLexicons: ReadonlyMap<CategoryId, CategoryLexicon>;
  private readonly signs: readonly SignLexicon[];
  private readonly officialPatterns: string[];
  private readonly fallbackCategories: ReadonlySet<CategoryId>;

  constructor(
    private readonly lexicons: Lexicons,
    private readonly classifier: FlagClassifier | undefined,
    private readonly options: ScorerOptions,
  ) {
    const teencode = new Teencode(lexicons.teencode);
    this.matcher = new TermMatcher(compileTerms(lexicons), teencode);
    this.categoryLexicons = new Map(lexicons.categories.map((lexicon) => [lexicon.category, lexicon]));
    this.signs = lexicons.signs;
    this.fallbackCategories = new Set(
      lexicons.categories.filter((lexicon) => lexicon.fallback).map((lexicon) => lexicon.category),
    );
    this.officialPatterns = lexicons.sellers.official.map((name) => this.matcher.fold(name).plain.trimEnd());
    this.ruleset = rulesetVersion(lexicons.digest, classifier === undefined ? 'none' : classifier.digest);
  }

  static create(options: ScorerOptions): Scorer {
    const classifier = options.classifierWeight > 0 ? FlagClassifier.load() : undefined;
    return new Scorer(loadLexicons(), classifier, options);
  }

  get patternCount(): number {
    return this.matcher.patternCount;
  }

  /** Folds a text the way the scorer does: for the classifier's training and for tests. */
  fold(text: string): FoldedText {
    return this.matcher.fold(text);
  }

  assess(record: Listing | Livestream): RiskAssessment {
    const view = this.view(record);
    return this.evaluate(view);
  }

  /** The classifier's features of a record, exactly as `assess` computes them: for training. */
  classifierFeatures(record: Listing | Livestream): string[] {
    return textFeatures(itemTexts(this.view(record).fields));
  }

  /** A record as the rules see it: its folded fields (one fold each) and what it offers. */
  private view(record: Listing | Livestream): RecordView {
    return isLivestream(record) ? this.livestreamView(record) : this.listingView(record);
  }

  private listingView(listing: Listing): RecordView {
    const fields: MatchField[] = [];
    this.addField(fields, 'title', listing.title);
    this.addField(fields, 'brand', listing.brand);
    this.addField(fields, 'categoryPath', listing.categoryPath?.join(' / '));
    this.addField(fields, 'description', listing.description);
    const sellerName = this.addField(fields, 'sellerName', listing.sellerName);
    // The price field when there is one; else a price the seller wrote ("chỉ 890k").
    const price = listing.price ?? statedPrice(listing.title) ?? statedPrice(listing.description);
    const offer: Offer = { fields: new Set(['title', 'brand']), price };
    return { fields, offers: [offer], isOfficialStore: listing.isOfficialStore === true, sellerName };
  }

  private livestreamView(stream: Livestream): RecordView {
    const fields: MatchField[] = [];
    this.addField(fields, 'title', stream.title, LIST_JOINS);
    this.addField(fields, 'description', stream.description, LIST_JOINS);
    const offers: Offer[] = [];
    // What the host says it costs ("iPhone 14 Pro Max giá 2tr5") prices what the title names.
    const announced = statedPrice(stream.title) ?? statedPrice(stream.description);
    if (announced !== undefined) offers.push({ fields: new Set(['title', 'description']), price: announced });
    (stream.products ?? []).forEach((product, index) => {
      const field = `products[${index}]`;
      this.addField(fields, field, product.title);
      offers.push({ fields: new Set([field]), price: product.price ?? statedPrice(product.title) });
    });
    const sellerName = this.addField(fields, 'sellerName', stream.hostName);
    return { fields, offers, isOfficialStore: false, sellerName };
  }

  private addField(
    fields: MatchField[],
    field: string,
    value: string | undefined,
    itemJoins = COMBO_JOINS,
  ): FoldedText | undefined {
    if (value === undefined || !HAS_TEXT.test(value)) return undefined;
    const text = this.matcher.fold(value);
    fields.push({ field, text, itemJoins });
    return text;
  }

  private evaluate({ fields, offers, isOfficialStore, sellerName }: RecordView): RiskAssessment {
    const hits = applyNegativeContexts(this.matcher.match(fields));
    const categories = detectCategories(hits, this.fallbackCategories);
    this.addProvenCategories(hits, categories);
    const context: RuleContext = {
      hits,
      categories: new Set(categories.keys()),
      offers,
      isOfficialStore,
      sellerName: sellerName?.source,
    };
    const licensed = licensedCategories(hits, isOfficialStore, this.categoryLexicons);
    const findings: Finding[] = [
      ...categoryFindings(categories, this.categoryLexicons, licensed),
      ...signFindings(context, this.signs),
      ...brandPriceFindings(context, this.lexicons.brandPrices),
      ...officialStoreFindings(isOfficialStore, sellerName, this.officialPatterns),
    ];
    const classifierReason = this.classifierReason(fields);
    if (classifierReason !== undefined) findings.push({ reason: classifierReason });
    return this.conclude(findings, context.categories, licensed);
  }

  /** A sign term that proves a category by itself (a prescription drug is a medicine). */
  private addProvenCategories(hits: Hit[], categories: Map<CategoryId, Hit>): void {
    for (const hit of hits) {
      if (hit.role.kind !== 'sign') continue;
      const { rule } = hit.role;
      const sign = this.signs.find((candidate) => candidate.rule === rule);
      for (const category of sign?.adds_categories ?? [])
        if (!categories.has(category)) categories.set(category, hit);
    }
  }

  private classifierReason(fields: MatchField[]): Reason | undefined {
    if (this.classifier === undefined || this.options.classifierWeight === 0) return undefined;
    const { probability, evidence } = this.classifier.predictTexts(itemTexts(fields));
    const weight = Math.round(this.options.classifierWeight * (2 * probability - 1));
    if (weight === 0 || evidence.length === 0) return undefined;
    return {
      rule: 'classifier.naive_bayes',
      weight,
      match: evidence.join(', '),
      note: `P(flagged) = ${probability.toFixed(2)} from words seen in the labelled set`,
    };
  }

  private conclude(
    findings: Finding[],
    categories: Set<CategoryId>,
    licensed: ReadonlySet<CategoryId>,
  ): RiskAssessment {
    const reasons = findings.map((finding) => finding.reason);
    const signals = new Set<SignalId>();
    for (const finding of findings) if (finding.signal !== undefined) signals.add(finding.signal);
    let total = reasons.reduce((sum, reason) => sum + reason.weight, 0);

    // A category that carries a sign by itself (banned goods, tobacco sold online) is a lead
    // whatever weighs it down: an official store or the classifier never clears it. Only goods
    // sold under licence (licensed fireworks) are not.
    const leadSign = [...categories]
      .filter((category) => !licensed.has(category))
      .map((category) => this.categoryLexicons.get(category)?.signal)
      .find(Boolean);
    const floor = this.options.flagThreshold + LEAD_FLOOR_ABOVE_THRESHOLD;
    if (leadSign !== undefined && total < floor) {
      reasons.push({
        rule: `floor.${leadSign}`,
        weight: floor - total,
        match: '',
        note: 'a lead by itself: never scores below this',
      });
      total = floor;
    }
    const score = Math.max(0, Math.min(100, Math.round(total)));
    reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return {
      score,
      flagged: score >= this.options.flagThreshold,
      categories: [...categories].sort(),
      signals: [...signals].sort(),
      reasons,
      ruleset: this.ruleset,
    };
  }
}

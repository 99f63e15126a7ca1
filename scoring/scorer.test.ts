import { describe, expect, it } from 'vitest';
import type { Listing } from '../records/listing.js';
import type { Livestream } from '../records/livestream.js';
import { RiskAssessmentSchema } from '../records/risk.js';
import { loadConfig } from '../config/index.js';
import { loadLexicons } from './lexicons/load-lexicons.js';
import { IMPLAUSIBLE_PRICE_POINTS } from './rules/brand-price-rule.js';
import { Scorer } from './scorer.js';

// Rules only: these tests pin what the lexicons and rules decide, not the learned model.
const scorer = new Scorer(loadLexicons(), undefined, { flagThreshold: 50, classifierWeight: 0 });

function listing(title: string, extra: Partial<Listing> = {}): Listing {
  return {
    platform: 'shopee',
    listingId: '1',
    url: 'https://shopee.vn/x-i.1.1',
    title,
    sellerId: 's1',
    capturedAt: '2026-11-01T08:00:00+07:00',
    ...extra,
  };
}

const assess = (title: string, extra: Partial<Listing> = {}) => scorer.assess(listing(title, extra));

describe('Scorer: banned goods', () => {
  it('keeps a banned product the description names under a harmless title', () => {
    const risk = assess('Tinh dầu trái cây 30ml vị xoài', { description: 'salt nic 35mg cho máy pod' });
    expect(risk.categories).toContain('e_cigarettes');
    expect(risk.flagged).toBe(true);
  });

  it('does not take a banned word in the seller’s name for what is sold', () => {
    const risk = assess('Trà sữa trân châu đường đen set 10 ly', { sellerName: 'Góc Vape Zone 68' });
    expect(risk.categories).not.toContain('e_cigarettes');
    expect(risk.flagged).toBe(false);
  });

  it.each([
    'Thuốc lá điện tử pod 1 lần 6000 hơi',
    'thuoc la dien tu gia re',
    'tldt chính hãng',
    'v.a.p.e pod 1 lần 6000 hơi',
    'V A P E xịn giá sỉ',
    'P0D system mini 1000mAh',
    'vapeeee vị nho',
    'v💨ape pod',
    '𝐕𝐀𝐏𝐄 POD',
    'Tinh dầu salt nic 30ml 35mg',
    'IQOS ILUMA PRIME kèm 2 cây Terea',
  ])('flags %j as banned goods', (title) => {
    const risk = assess(title);
    expect(risk.flagged).toBe(true);
    expect(risk.signals).toContain('banned_goods');
  });

  it('keeps a banned item flagged even from an official store', () => {
    const risk = assess('Pod Vaporesso XROS 4 chính hãng', {
      isOfficialStore: true,
      sellerName: 'Vaporesso Official Store',
    });
    expect(risk.flagged).toBe(true);
    expect(risk.reasons.map((reason) => reason.rule)).toContain('seller.official_store');
  });
});

describe('Scorer: negative contexts', () => {
  it('reads "sữa tắm" and "sữa rửa mặt" as cosmetics, not milk', () => {
    for (const title of ['Sữa tắm Dove 900g', 'Sữa rửa mặt Cetaphil 500ml', 'sua tam thom lau']) {
      const risk = assess(title);
      expect(risk.categories).toContain('cosmetics');
      expect(risk.categories).not.toContain('milk');
      expect(risk.flagged).toBe(false);
    }
  });

  it('reads infant formula as milk', () => {
    expect(assess('Sữa bột Meiji số 0 800g').categories).toContain('milk');
    expect(assess('sua bot Similac 5G so 1').categories).toContain('milk');
  });

  it('does not take room-diffuser oil for vape liquid', () => {
    const risk = assess('Tinh dầu xông phòng sả chanh 10ml cho máy khuếch tán');
    expect(risk.categories).not.toContain('e_cigarettes');
    expect(risk.flagged).toBe(false);
  });

  it('does not take a phone case for a counterfeit phone', () => {
    const risk = assess('Ốp lưng cho iPhone 15 Pro Max silicon', { price: 45000 });
    expect(risk.signals).not.toContain('implausible_price');
    expect(risk.flagged).toBe(false);
  });

  it('does not take a "Fake Love" T-shirt for a counterfeit claim', () => {
    const risk = assess('Áo thun in chữ Fake Love form rộng unisex', { price: 99000 });
    expect(risk.signals).not.toContain('counterfeit');
    expect(risk.flagged).toBe(false);
  });

  it('does not take a book about quitting smoking for tobacco', () => {
    const risk = assess('Sách Dễ Dàng Bỏ Thuốc Lá - Allen Carr', { price: 89000 });
    expect(risk.categories).toEqual([]);
    expect(risk.flagged).toBe(false);
  });

  it('does not take a handbag or a laptop for hand-carried imports', () => {
    expect(assess('Túi xách tay nữ da mềm công sở').signals).not.toContain('unknown_origin');
    expect(assess('Máy tính xách tay Dell Inspiron 15').signals).not.toContain('unknown_origin');
  });

  it('does not read the supplement disclaimer as a claim to replace medicine', () => {
    const risk = assess('Viên uống bổ gan Tuệ Linh', {
      description: 'Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.',
    });
    expect(risk.categories).toContain('supplements');
    expect(risk.flagged).toBe(false);
  });
});

describe('Scorer: violation signs', () => {
  it('flags counterfeit slang as written', () => {
    for (const title of [
      'Túi Gucci rep 1:1 da thật',
      'Giày Nike Jordan rép 1 1',
      'Ví LV like auth',
      'Đồng hồ Rolex super fake',
    ]) {
      const risk = assess(title, { price: 900000 });
      expect(risk.signals, title).toContain('counterfeit');
      expect(risk.flagged, title).toBe(true);
    }
  });

  it('flags unknown origin', () => {
    const risk = assess('Kem chống nắng Anessa nội địa Nhật xách tay');
    expect(risk.signals).toContain('unknown_origin');
    expect(risk.flagged).toBe(true);
  });

  it('flags a false health claim on a supplement, not the same words on a phone', () => {
    const supplement = assess('TPCN viên uống chữa khỏi tiểu đường sau 1 liệu trình');
    expect(supplement.signals).toContain('false_advertising');
    expect(supplement.flagged).toBe(true);
    expect(assess('Kem trắng da cấp tốc 7 ngày').flagged).toBe(true);
  });

  it('flags a prescription medicine and calls it a medicine', () => {
    const risk = assess('Amoxicillin 500mg hộp 100 viên');
    expect(risk.signals).toContain('prescription_online');
    expect(risk.categories).toContain('pharmaceuticals');
    expect(risk.flagged).toBe(true);
  });

  it('flags a luxury brand at an implausible price and explains the floor', () => {
    const risk = assess('Đồng hồ Rolex Daytona nam dây thép', { price: 1500000 });
    expect(risk.signals).toContain('implausible_price');
    expect(risk.flagged).toBe(true);
    const reason = risk.reasons.find((candidate) => candidate.rule.startsWith('price.implausible'));
    expect(reason?.note).toContain('1.500.000');
  });

  it('does not flag the same brand at a genuine price', () => {
    expect(assess('Đồng hồ Rolex Datejust 36mm', { price: 280000000 }).flagged).toBe(false);
    expect(assess('Điện thoại Apple iPhone 13 128GB', { price: 12590000 }).flagged).toBe(false);
  });

  it('gives every sign enough points to flag by itself, whatever the classifier says', () => {
    // GUIDE.md: any one sign makes a listing a lead; only an official store may weigh it down.
    const { flagThreshold, classifierWeight } = loadConfig({ env: {} }).scoring;
    for (const sign of loadLexicons().signs) {
      expect(sign.points, sign.rule).toBeGreaterThanOrEqual(flagThreshold + classifierWeight);
    }
    expect(IMPLAUSIBLE_PRICE_POINTS).toBeGreaterThanOrEqual(flagThreshold + classifierWeight);
  });

  it('flags a banned pesticide as agricultural input', () => {
    const risk = assess('Thuốc diệt cỏ Paraquat 1 lít');
    expect(risk.categories).toContain('agri_inputs');
    expect(risk.signals).toContain('banned_goods');
    expect(risk.flagged).toBe(true);
  });
});

describe('Scorer: explanations', () => {
  it('returns a valid assessment whose reasons quote the seller and add up to the score', () => {
    const risk = assess('Bán V.A.P.E giá rẻ');
    expect(RiskAssessmentSchema.parse(risk)).toEqual(risk);
    expect(risk.reasons[0]?.match).toBe('V.A.P.E');
    expect(risk.ruleset).toBe(scorer.ruleset);
    expect(risk.score).toBe(
      Math.min(
        100,
        risk.reasons.reduce((sum, reason) => sum + reason.weight, 0),
      ),
    );
  });

  it('scores an ordinary listing low with no reasons beyond its category', () => {
    const risk = assess('Nồi cơm điện Sharp 1.8L', { price: 990000 });
    expect(risk.flagged).toBe(false);
    expect(risk.score).toBeLessThan(20);
  });
});

describe('Scorer: livestreams', () => {
  const stream: Livestream = {
    kind: 'livestream',
    platform: 'tiktok',
    streamId: 'live1',
    url: 'https://www.tiktok.com/@host/live',
    title: 'Xả kho cuối năm giá sốc',
    hostId: 'h1',
    hostName: 'Kho sỉ Hà Nội',
    capturedAt: '2026-11-01T20:00:00+07:00',
    products: [
      { title: 'Nồi chiên không dầu 5L', price: 650000 },
      { title: 'Pod 1 lần 8000 hơi vị xoài', price: 150000 },
    ],
  };

  it('scores pinned products and quotes the product that fired', () => {
    const risk = scorer.assess(stream);
    expect(risk.flagged).toBe(true);
    expect(risk.categories).toContain('e_cigarettes');
    expect(risk.reasons[0]?.field).toBe('products[1]');
  });

  it('takes each item a live title lists with commas as its own item', () => {
    const risk = scorer.assess({
      ...stream,
      title: 'Hàng Nhật: sữa Meiji, viên uống DHC, kem Anessa',
      products: [],
    });
    expect([...risk.categories].sort()).toEqual(['cosmetics', 'milk', 'supplements']);
    // A listing's commas list what the item is like, not more items.
    expect(assess('Sữa Meiji số 9, viên uống DHC, kem Anessa').categories).toEqual(['milk']);
  });

  it('prices what the host names by the price the host says, when nothing is pinned', () => {
    const risk = scorer.assess({ ...stream, title: 'iPhone 15 Pro Max giá 2tr5 chốt nhanh', products: [] });
    expect(risk.signals).toContain('implausible_price');
    expect(risk.flagged).toBe(true);
  });
});

describe('Scorer: phrases', () => {
  it('reads a term only within one clause of what the seller wrote', () => {
    expect(assess('Mứt dâu Đà Lạt đóng gói hút chân không, có nhãn ngày sản xuất').flagged).toBe(false);
    expect(assess('Mứt dâu Đà Lạt không có nhãn ngày sản xuất').signals).toContain('unknown_origin');
    expect(assess('Thuốc cỏ 2,4-D dạng bột').signals).toContain('banned_goods');
  });
});

describe('Scorer: denials', () => {
  it('does not count a sign the seller denies just before it, in the same sentence', () => {
    const genuine = {
      description: 'Nhập khẩu chính ngạch, tem phụ tiếng Việt. Không phải hàng nội địa Nhật.',
    };
    expect(assess('Collagen Shiseido dạng nước 50ml x 10 lọ', genuine).flagged).toBe(false);
    const weedkiller = { description: 'Không chứa glyphosate, paraquat. Hoạt chất glufosinate.' };
    expect(assess('Thuốc trừ cỏ sinh học Glufosinate 150SL', weedkiller).flagged).toBe(false);
  });

  it('denies banned goods the shop says it does not sell, but never what is given away', () => {
    const risk = assess('Tinh dầu thơm phòng oải hương 50ml', {
      description: 'Dùng cho máy khuếch tán. Shop không kinh doanh tinh dầu vape, vui lòng không hỏi.',
    });
    expect(risk.categories).not.toContain('e_cigarettes');
    expect(risk.flagged).toBe(false);
    expect(assess('Quà tặng không bán Túi tote vải canvas').categories).toEqual(['fashion']);
  });

  it('keeps a sign a denial in an earlier sentence does not reach', () => {
    const risk = assess('Collagen Shiseido dạng nước 50ml', {
      description: 'Không phải hàng giả. Hàng nội địa Nhật.',
    });
    expect(risk.signals).toContain('unknown_origin');
  });
});

describe('Scorer: stated prices', () => {
  it('reads a price written in the title when the listing has no price field', () => {
    expect(assess('Túi LV Neverfull da chỉ 450k').signals).toContain('implausible_price');
    expect(assess('Túi LV Neverfull da chỉ 450k', { price: 45_000_000 }).flagged).toBe(false);
  });
});

describe('Scorer: promised amounts', () => {
  it.each(['Trà giảm cân thảo mộc tụt 8 ký sau 1 tuần', 'Viên uống giảm cân giảm 13kg trong 1 tháng'])(
    'reads any amount of a {n} term: %j',
    (title) => {
      expect(assess(title).signals).toContain('false_advertising');
    },
  );

  it('leaves an amount outside health goods alone', () => {
    expect(assess('Giày độn đế tăng 7cm da bò').flagged).toBe(false);
  });
});

describe('Scorer: licensed fireworks', () => {
  it('flags fireworks from an ordinary shop, not from the licensed factory’s dealers', () => {
    expect(assess('Pháo hoa Z121 giàn 36 ống').flagged).toBe(true);
    expect(assess('Pháo hoa Z121 giàn 36 ống - đại lý ủy quyền Bộ Quốc phòng').flagged).toBe(false);
    expect(assess('Pháo hoa Z121 giàn 36 ống', { isOfficialStore: true }).flagged).toBe(false);
  });

  it('never licenses explosives', () => {
    const risk = assess('Pháo nổ pháo hoa Z121 - đại lý ủy quyền', { isOfficialStore: true });
    expect(risk.flagged).toBe(true);
    expect(risk.signals).toContain('banned_goods');
  });
});

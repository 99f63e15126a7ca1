/**
 * The 34 provincial units since 1 July 2025 and every name that should route to each.
 * Source: shared/provinces.md (units and the 63 pre-2025 names merged into them). `aliases`
 * are the forms marketplaces and sellers actually write: abbreviations, old spellings and
 * English names. Matching ignores case, diacritics, spaces and the "Tỉnh"/"TP."/"Thành phố"
 * prefixes, so an alias is only needed where the letters themselves differ.
 */
export interface ProvinceUnit {
  /** The unit as provinces.md writes it: the value routing and the index store. */
  name: string;
  /** Centrally-run city (thành phố trực thuộc trung ương). */
  centralCity: boolean;
  /** Pre-2025 provinces merged into this unit, as provinces.md writes them. */
  mergedFrom: readonly string[];
  /** Other real-world forms: abbreviations, spelling variants, English names. */
  aliases: readonly string[];
}

export const PROVINCE_UNITS: readonly ProvinceUnit[] = [
  { name: 'Hà Nội', centralCity: true, mergedFrom: ['Hà Nội'], aliases: ['HN'] },
  { name: 'Huế', centralCity: true, mergedFrom: ['Thừa Thiên Huế'], aliases: ['TT Huế', 'TTH'] },
  { name: 'Hải Phòng', centralCity: true, mergedFrom: ['Hải Phòng', 'Hải Dương'], aliases: [] },
  { name: 'Đà Nẵng', centralCity: true, mergedFrom: ['Đà Nẵng', 'Quảng Nam'], aliases: [] },
  {
    name: 'TP. Hồ Chí Minh',
    centralCity: true,
    mergedFrom: ['TP. Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
    aliases: [
      'Hồ Chí Minh',
      'Ho Chi Minh City',
      'HCM',
      'TPHCM',
      'HCMC',
      'Sài Gòn',
      'Sài Gòn - Gia Định',
      'Vũng Tàu',
      'Bà Rịa',
      'BR-VT',
      'BRVT',
    ],
  },
  { name: 'Cần Thơ', centralCity: true, mergedFrom: ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'], aliases: [] },
  { name: 'Lai Châu', centralCity: false, mergedFrom: ['Lai Châu'], aliases: [] },
  { name: 'Điện Biên', centralCity: false, mergedFrom: ['Điện Biên'], aliases: [] },
  { name: 'Sơn La', centralCity: false, mergedFrom: ['Sơn La'], aliases: [] },
  { name: 'Lạng Sơn', centralCity: false, mergedFrom: ['Lạng Sơn'], aliases: [] },
  { name: 'Quảng Ninh', centralCity: false, mergedFrom: ['Quảng Ninh'], aliases: [] },
  { name: 'Thanh Hóa', centralCity: false, mergedFrom: ['Thanh Hóa'], aliases: [] },
  { name: 'Nghệ An', centralCity: false, mergedFrom: ['Nghệ An'], aliases: [] },
  { name: 'Hà Tĩnh', centralCity: false, mergedFrom: ['Hà Tĩnh'], aliases: [] },
  { name: 'Cao Bằng', centralCity: false, mergedFrom: ['Cao Bằng'], aliases: [] },
  { name: 'Tuyên Quang', centralCity: false, mergedFrom: ['Tuyên Quang', 'Hà Giang'], aliases: [] },
  { name: 'Lào Cai', centralCity: false, mergedFrom: ['Lào Cai', 'Yên Bái'], aliases: [] },
  // "Bắc Cạn" is the spelling older documents and many sellers still use.
  { name: 'Thái Nguyên', centralCity: false, mergedFrom: ['Thái Nguyên', 'Bắc Kạn'], aliases: ['Bắc Cạn'] },
  { name: 'Phú Thọ', centralCity: false, mergedFrom: ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'], aliases: [] },
  { name: 'Bắc Ninh', centralCity: false, mergedFrom: ['Bắc Ninh', 'Bắc Giang'], aliases: [] },
  { name: 'Hưng Yên', centralCity: false, mergedFrom: ['Hưng Yên', 'Thái Bình'], aliases: [] },
  { name: 'Ninh Bình', centralCity: false, mergedFrom: ['Ninh Bình', 'Hà Nam', 'Nam Định'], aliases: [] },
  { name: 'Quảng Trị', centralCity: false, mergedFrom: ['Quảng Trị', 'Quảng Bình'], aliases: [] },
  { name: 'Quảng Ngãi', centralCity: false, mergedFrom: ['Quảng Ngãi', 'Kon Tum'], aliases: [] },
  { name: 'Gia Lai', centralCity: false, mergedFrom: ['Gia Lai', 'Bình Định'], aliases: [] },
  { name: 'Khánh Hòa', centralCity: false, mergedFrom: ['Khánh Hòa', 'Ninh Thuận'], aliases: [] },
  {
    name: 'Lâm Đồng',
    centralCity: false,
    mergedFrom: ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
    // Đắk is also written Đăk / Đắc; folded, "dak" and "dac" differ, so both are listed.
    aliases: ['Đắc Nông'],
  },
  {
    name: 'Đắk Lắk',
    centralCity: false,
    mergedFrom: ['Đắk Lắk', 'Phú Yên'],
    aliases: ['Đắc Lắc', 'Đắk Lắc', 'Đắc Lắk'],
  },
  { name: 'Đồng Nai', centralCity: false, mergedFrom: ['Đồng Nai', 'Bình Phước'], aliases: [] },
  { name: 'Tây Ninh', centralCity: false, mergedFrom: ['Tây Ninh', 'Long An'], aliases: [] },
  { name: 'Vĩnh Long', centralCity: false, mergedFrom: ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'], aliases: [] },
  { name: 'Đồng Tháp', centralCity: false, mergedFrom: ['Đồng Tháp', 'Tiền Giang'], aliases: [] },
  { name: 'Cà Mau', centralCity: false, mergedFrom: ['Cà Mau', 'Bạc Liêu'], aliases: [] },
  { name: 'An Giang', centralCity: false, mergedFrom: ['An Giang', 'Kiên Giang'], aliases: [] },
];

/** The value kept for cross-border sellers: provinces.md says never guess a province. */
export const ABROAD = 'Nước ngoài';

/**
 * What marketplaces show for cross-border sellers: "abroad" words, origin countries, and
 * the Chinese trade hubs that cross-border shops name as their location. "Anh" (England) is
 * left out: alone it is more often a person's name than a country.
 */
export const ABROAD_NAMES: readonly string[] = [
  'Nước ngoài',
  'Quốc tế',
  'Overseas',
  'International',
  'Cross border',
  'Hàng quốc tế',
  'Trung Quốc',
  'Trung Quốc Đại Lục',
  'China',
  'Mainland China',
  'Hồng Kông',
  'Hong Kong',
  'Đài Loan',
  'Taiwan',
  'Hàn Quốc',
  'Korea',
  'South Korea',
  'Nhật Bản',
  'Japan',
  'Thái Lan',
  'Thailand',
  'Singapore',
  'Malaysia',
  'Indonesia',
  'Philippines',
  'Mỹ',
  'Hoa Kỳ',
  'USA',
  'United States',
  'Úc',
  'Australia',
  'Pháp',
  'France',
  'Đức',
  'Germany',
  'Vương quốc Anh',
  'United Kingdom',
  'UK',
  'Quảng Châu',
  'Guangzhou',
  'Quảng Đông',
  'Guangdong',
  'Thâm Quyến',
  'Shenzhen',
  'Thượng Hải',
  'Shanghai',
  'Bắc Kinh',
  'Beijing',
  'Chiết Giang',
  'Zhejiang',
  'Nghĩa Ô',
  'Yiwu',
];

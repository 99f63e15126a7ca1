/**
 * What the sandbox sells: product kinds with Vietnamese titles, honest and violating variants.
 * `category` is a taxonomy id (../../records/taxonomy.ts) or undefined for goods no plan names.
 * Violating variants use the slang sellers use (taxonomy.md): rep 1:1, super fake, like auth,
 * xách tay, nội địa Trung, không tem, chữa khỏi… Brand names are public trademarks used the way
 * real listings use them.
 */
export interface ProductKind {
  key: string;
  category?: string;
  tikiCategoryId: number;
  categoryPath: string[];
  keywords: string[];
  honest: string[];
  violating: string[];
  brands: string[];
  priceRange: [number, number];
  /** Banned goods have no honest variant: every listing of the kind is a violation. */
  banned?: boolean;
}

export const PRODUCT_KINDS: ProductKind[] = [
  {
    key: 'e-cig',
    category: 'e_cigarettes',
    tikiCategoryId: 91001,
    categoryPath: ['Thiết Bị Số - Phụ Kiện Số', 'Phụ kiện khác'],
    keywords: ['thuốc lá điện tử', 'vape', 'pod'],
    honest: [],
    violating: [
      'Pod {brand} 1 lần 6000 hơi vị nho lạnh - hàng sẵn ship hỏa tốc',
      'Thuốc lá điện tử {brand} pod kit chính hãng bảo hành 1 đổi 1',
      'Tinh dầu pod salt nic 30ml {brand} vị xoài - tldt giá sỉ',
      'Vape {brand} disposable 8000 puff, inbox để có giá tốt',
    ],
    brands: ['Elf Bar', 'Vaporesso', 'SMOK', 'Lost Mary', 'Relx'],
    priceRange: [120_000, 650_000],
    banned: true,
  },
  {
    key: 'heated-tobacco',
    category: 'heated_tobacco',
    tikiCategoryId: 91002,
    categoryPath: ['Thiết Bị Số - Phụ Kiện Số', 'Phụ kiện khác'],
    keywords: ['thuốc lá nung nóng', 'iqos', 'heets', 'terea'],
    honest: [],
    violating: [
      'Máy {brand} Iluma One xách tay Nhật, tặng kèm 1 cây Terea',
      'Thuốc lá nung nóng Heets {brand} vị bạc hà - cây 10 gói, hàng nội địa Nhật',
    ],
    brands: ['IQOS', 'lil', 'Glo'],
    priceRange: [350_000, 2_500_000],
    banned: true,
  },
  {
    key: 'cigarettes',
    category: 'cigarettes',
    tikiCategoryId: 91003,
    categoryPath: ['Bách Hóa Online', 'Đồ dùng khác'],
    keywords: ['thuốc lá', 'thuốc lá điếu', 'jet', 'esse'],
    honest: [],
    violating: [
      'Thuốc lá {brand} cây 10 gói hàng lậu không tem, giá sỉ tận gốc',
      'Thuốc {brand} ngoại nhập, hàng xách tay không hóa đơn - ship toàn quốc',
    ],
    brands: ['Jet', 'Esse', '555', 'Marlboro', 'Hero'],
    priceRange: [150_000, 450_000],
    banned: true,
  },
  {
    key: 'cosmetics',
    category: 'cosmetics',
    tikiCategoryId: 1520,
    categoryPath: ['Làm Đẹp - Sức Khỏe', 'Chăm sóc da mặt'],
    keywords: ['mỹ phẩm', 'kem dưỡng', 'serum', 'son', 'nước hoa', 'kem trộn'],
    honest: [
      'Kem dưỡng ẩm {brand} 50ml chính hãng, có hóa đơn VAT',
      'Son thỏi {brand} màu đỏ gạch - hàng chính hãng phân phối',
      'Serum vitamin C {brand} 30ml sáng da, nhập khẩu chính ngạch',
    ],
    violating: [
      'Kem trộn trắng da {brand} cấp tốc 7 ngày, hàng rep 1:1 like auth',
      'Son {brand} super fake chuẩn auth 99%, không tem phụ',
      'Nước hoa {brand} Sauvage 100ml replica F1, bao check',
    ],
    brands: ["L'Oréal", 'Innisfree', 'La Roche-Posay', 'MAC', 'Dior', 'Chanel'],
    priceRange: [89_000, 1_900_000],
  },
  {
    key: 'supplements',
    category: 'supplements',
    tikiCategoryId: 1560,
    categoryPath: ['Làm Đẹp - Sức Khỏe', 'Thực phẩm chức năng'],
    keywords: ['thực phẩm chức năng', 'viên uống', 'tpcn'],
    honest: [
      'Viên uống bổ sung vitamin tổng hợp {brand} 60 viên, có số công bố',
      'Thực phẩm bảo vệ sức khỏe {brand} Omega 3 - 100 viên',
    ],
    violating: [
      'Viên uống {brand} chữa khỏi tiểu đường sau 1 liệu trình, cam kết 100%',
      'TPCN giảm cân {brand} thần tốc 10kg/tháng, hàng nội địa Trung không nhãn phụ',
    ],
    brands: ['Blackmores', 'DHC', 'Kirkland', 'Nature Made', 'Herbalife'],
    priceRange: [150_000, 1_200_000],
  },
  {
    key: 'pharma',
    category: 'pharmaceuticals',
    tikiCategoryId: 1561,
    categoryPath: ['Nhà Thuốc', 'Thuốc không kê đơn'],
    keywords: ['thuốc', 'kháng sinh', 'thuốc kê đơn'],
    honest: ['Dầu gió {brand} 12ml - nhà thuốc phân phối'],
    violating: [
      'Thuốc kháng sinh {brand} 500mg hộp 100 viên, bán không cần đơn',
      'Thuốc cường dương {brand} xách tay Mỹ, giao kín đáo',
    ],
    brands: ['Amoxicillin', 'Viagra', 'Cialis', 'Trường Sơn'],
    priceRange: [35_000, 900_000],
  },
  {
    key: 'medical',
    category: 'medical_devices',
    tikiCategoryId: 1562,
    categoryPath: ['Nhà Thuốc', 'Thiết bị y tế'],
    keywords: ['máy đo huyết áp', 'khẩu trang y tế', 'que test'],
    honest: ['Máy đo huyết áp bắp tay {brand} HEM-7121, bảo hành 5 năm chính hãng'],
    violating: [
      'Máy đo huyết áp {brand} hàng bãi nội địa Nhật, không giấy tờ',
      'Khẩu trang y tế {brand} 4 lớp hộp 50 cái, không nhãn mác',
    ],
    brands: ['Omron', 'Microlife', 'Beurer'],
    priceRange: [45_000, 1_500_000],
  },
  {
    key: 'milk',
    category: 'milk',
    tikiCategoryId: 2549,
    categoryPath: ['Mẹ & Bé', 'Sữa bột cho bé'],
    keywords: ['sữa bột', 'sữa công thức', 'sữa'],
    honest: [
      'Sữa bột {brand} số 2 lon 800g, date mới nhất',
      'Sữa công thức {brand} Optimum Gold 850g - nhà phân phối chính hãng',
    ],
    violating: [
      'Sữa bột {brand} nội địa Trung lon 900g, hàng xách tay không tem phụ tiếng Việt',
      'Sữa {brand} cận date giá sốc, hàng thanh lý không hóa đơn',
    ],
    brands: ['Vinamilk', 'Abbott Similac', 'Meiji', 'Aptamil', 'Nutifood'],
    priceRange: [250_000, 950_000],
  },
  {
    key: 'alcohol',
    category: 'alcohol',
    tikiCategoryId: 4384,
    categoryPath: ['Bách Hóa Online', 'Đồ uống có cồn'],
    keywords: ['rượu', 'bia', 'whisky', 'vang'],
    honest: ['Rượu vang đỏ {brand} 750ml nhập khẩu chính ngạch, có tem'],
    violating: [
      'Rượu {brand} 18 năm 700ml hàng xách tay không tem nhập khẩu',
      'Rượu ngoại {brand} rep chai thủy tinh, giá sỉ',
    ],
    brands: ['Chivas', 'Johnnie Walker', 'Hennessy', 'Macallan'],
    priceRange: [300_000, 4_500_000],
  },
  {
    key: 'firecrackers',
    category: 'firecrackers',
    tikiCategoryId: 91004,
    categoryPath: ['Đồ Chơi', 'Đồ chơi khác'],
    keywords: ['pháo', 'pháo hoa', 'pháo nổ'],
    honest: ['Pháo hoa {brand} Z121 - Bộ Quốc phòng sản xuất, bán theo quy định'],
    violating: [
      'Pháo nổ {brand} dàn 36 quả, ship kín Tết, inbox zalo',
      'Pháo {brand} tự chế nổ to, hàng Trung Quốc',
    ],
    brands: ['Z121', 'Bi Hồ', 'Thái'],
    priceRange: [150_000, 900_000],
  },
  {
    key: 'helmets',
    category: 'helmets',
    tikiCategoryId: 8594,
    categoryPath: ['Ô Tô - Xe Máy - Xe Đạp', 'Mũ bảo hiểm'],
    keywords: ['mũ bảo hiểm', 'nón bảo hiểm'],
    honest: ['Mũ bảo hiểm 3/4 {brand} có tem hợp quy CR, bảo hành 12 tháng'],
    violating: [
      'Mũ bảo hiểm {brand} thời trang không tem hợp quy, giá xưởng',
      'Nón bảo hiểm {brand} fake 1:1 giá rẻ',
    ],
    brands: ['Protec', 'Royal', 'Andes', 'AGV'],
    priceRange: [80_000, 1_200_000],
  },
  {
    key: 'agri',
    category: 'agri_inputs',
    tikiCategoryId: 8322,
    categoryPath: ['Nhà Cửa - Đời Sống', 'Làm vườn'],
    keywords: ['phân bón', 'thuốc bảo vệ thực vật', 'thuốc trừ sâu'],
    honest: ['Phân bón NPK {brand} 16-16-8 bao 1kg, có số đăng ký'],
    violating: [
      'Thuốc trừ sâu {brand} nội địa Trung cực mạnh, không nhãn tiếng Việt',
      'Phân bón {brand} siêu kích rễ hàng không rõ nguồn gốc',
    ],
    brands: ['Đầu Trâu', 'Bình Điền', 'Syngenta'],
    priceRange: [25_000, 450_000],
  },
  {
    key: 'fashion',
    category: 'fashion',
    tikiCategoryId: 915,
    categoryPath: ['Thời trang nữ', 'Túi xách'],
    keywords: ['túi xách', 'giày', 'quần áo', 'áo'],
    honest: [
      'Áo thun nữ cotton {brand} form rộng, may tại Việt Nam',
      'Giày thể thao {brand} chính hãng full box, có bill',
    ],
    violating: [
      'Túi xách {brand} rep 1:1 da thật, like auth full box',
      'Giày {brand} Jordan 1 super fake SF, bao check',
    ],
    brands: ['Gucci', 'Louis Vuitton', 'Nike', 'Adidas', 'Routine', 'Yody'],
    priceRange: [99_000, 3_500_000],
  },
  {
    key: 'watches',
    category: 'watches',
    tikiCategoryId: 8371,
    categoryPath: ['Đồng hồ và Trang sức', 'Đồng hồ nam'],
    keywords: ['đồng hồ'],
    honest: ['Đồng hồ nam {brand} dây da, bảo hành chính hãng 2 năm'],
    violating: [
      'Đồng hồ {brand} Submariner rep 1:1 máy Nhật, giá chỉ bằng 1/10 hàng thật',
      'Đồng hồ nam {brand} super fake chuẩn auth',
    ],
    brands: ['Rolex', 'Omega', 'Casio', 'Orient', 'Fossil'],
    priceRange: [350_000, 6_500_000],
  },
  {
    key: 'electronics',
    category: 'electronics',
    tikiCategoryId: 1795,
    categoryPath: ['Điện Thoại - Máy Tính Bảng', 'Điện thoại Smartphone'],
    keywords: ['điện thoại', 'tai nghe', 'sạc', 'iphone'],
    honest: [
      'Điện thoại {brand} 128GB - hàng chính hãng VN/A',
      'Tai nghe bluetooth {brand} TWS, bảo hành 12 tháng',
    ],
    violating: [
      'Tai nghe {brand} Pro 2 rep 1:1 hổ vằn, định vị đổi tên',
      'Điện thoại {brand} 15 Pro Max hàng dựng, xách tay không hóa đơn',
    ],
    brands: ['Samsung', 'Apple', 'Xiaomi', 'Oppo', 'Sony'],
    priceRange: [150_000, 29_000_000],
  },
  {
    key: 'household',
    category: 'household',
    tikiCategoryId: 1882,
    categoryPath: ['Nhà Cửa - Đời Sống', 'Dụng cụ nhà bếp'],
    keywords: ['nồi cơm điện', 'đồ gia dụng', 'chảo'],
    honest: ['Nồi cơm điện {brand} 1.8L lòng niêu, bảo hành 12 tháng', 'Chảo chống dính {brand} 26cm đáy từ'],
    violating: [
      'Nồi chiên không dầu {brand} nội địa Trung, không tem hợp quy',
      'Chảo {brand} fake giá rẻ như cho',
    ],
    brands: ['Sunhouse', 'Kangaroo', 'Lock&Lock', 'Philips'],
    priceRange: [120_000, 2_800_000],
  },
  {
    key: 'books',
    tikiCategoryId: 8322 + 1,
    categoryPath: ['Nhà Sách Tiki', 'Sách tiếng Việt'],
    keywords: ['sách', 'truyện'],
    honest: ['Sách {brand} - Đắc Nhân Tâm (bìa mềm)', 'Truyện tranh {brand} tập 12 - bản đặc biệt'],
    violating: [],
    brands: ['NXB Trẻ', 'First News', 'Kim Đồng'],
    priceRange: [45_000, 250_000],
  },
  {
    key: 'stationery',
    tikiCategoryId: 8339,
    categoryPath: ['Văn phòng phẩm', 'Bút viết'],
    keywords: ['bút', 'vở', 'văn phòng phẩm'],
    honest: ['Hộp 20 bút bi {brand} mực xanh', 'Vở kẻ ngang {brand} 200 trang'],
    violating: [],
    brands: ['Thiên Long', 'Hồng Hà', 'Campus'],
    priceRange: [15_000, 120_000],
  },
  {
    key: 'toys',
    tikiCategoryId: 1929,
    categoryPath: ['Đồ Chơi - Mẹ & Bé', 'Đồ chơi lắp ráp'],
    keywords: ['đồ chơi', 'lego'],
    honest: ['Đồ chơi lắp ráp {brand} 275 chi tiết cho bé 8+', 'Gấu bông {brand} 60cm mềm mịn'],
    violating: [],
    brands: ['LEGO', 'Duka', 'Hasbro'],
    priceRange: [59_000, 1_900_000],
  },
];

export const PROVINCES = [
  'Hà Nội',
  'TP. Hồ Chí Minh',
  'Đà Nẵng',
  'Hải Phòng',
  'Cần Thơ',
  'Bình Dương',
  'Đồng Nai',
  'Nghệ An',
  'Lạng Sơn',
  'Quảng Ninh',
  'An Giang',
  'Nước ngoài',
];

export const SHOP_WORDS = ['Shop', 'Store', 'Mart', 'Official', 'Kho sỉ', 'Tiệm', 'House'];
export const SHOP_NAMES = [
  'Minh Anh',
  'Hoàng Long',
  'Bảo Ngọc',
  'Thanh Hương',
  'Gia Huy',
  'An Khang',
  'Phúc Lộc',
  'Tuấn Kiệt',
  'Hồng Nhung',
  'Quốc Bảo',
];
export const LIVE_TITLES = [
  'Xả kho cuối năm - pod giá sỉ, chốt đơn trong live',
  'Live sale mỹ phẩm auth, tặng quà mọi đơn',
  'Săn deal đồng hồ, túi xách hàng hiệu giá rẻ',
  'Đồ gia dụng chính hãng giảm 50% tối nay',
  'Sữa bột nội địa Nhật, Trung - giá tốt cho mẹ bỉm',
];

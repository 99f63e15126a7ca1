import type { LegalBasisEntry } from './legal-basis.js';

/**
 * The built-in legal basis per key, taken from ../shared/legal-basis.md (newest source July
 * 2026) with each entry's verification status: V verified against an official text, V-n in
 * news or legal publishers only, P partial (article inferred), U unverified. Keys: `platform`
 * (the platform's own duty to act on a request), `seller_info` (its duty to identify a
 * seller), a category id, a sign id, or `category/sign`. The agency's legal staff own this
 * text: `leads.legalBasis` in the config replaces any key. Re-check on vbpl.vn before filing.
 */
export const DEFAULT_LEGAL_BASIS: Readonly<Record<string, readonly LegalBasisEntry[]>> = {
  platform: [
    {
      instrument: 'Luật Quảng cáo 16/2012/QH13, sửa đổi bởi Luật 75/2025/QH15',
      article: 'Điều 23 khoản 3 điểm d',
      text: 'Nền tảng ngăn chặn, gỡ bỏ thông tin vi phạm theo yêu cầu của cơ quan có thẩm quyền',
      status: 'V',
      source: 'legal-basis.md S14',
    },
    {
      instrument: 'Nghị định 248/2026/NĐ-CP',
      article: 'Điều 4 khoản 1 điểm c–đ',
      text: 'Rà soát, gỡ bỏ thông tin hàng hóa vi phạm trong 24 giờ kể từ khi có yêu cầu của cơ quan có thẩm quyền',
      status: 'U',
      source: 'legal-basis.md S3 (chưa đối chiếu toàn văn)',
    },
  ],
  seller_info: [
    {
      instrument: 'Luật Quảng cáo 16/2012/QH13, sửa đổi bởi Luật 75/2025/QH15',
      article: 'Điều 23 khoản 3 điểm d',
      text: 'Cung cấp thông tin tổ chức, cá nhân liên quan theo yêu cầu của cơ quan có thẩm quyền',
      status: 'V',
      source: 'legal-basis.md S14',
    },
    {
      instrument: 'Luật Thương mại điện tử 122/2025/QH15',
      article: 'Điều 17 khoản 1 điểm c',
      text: 'Nền tảng trung gian xác thực điện tử danh tính người bán',
      status: 'U',
      source: 'legal-basis.md S3',
    },
  ],
  counterfeit: [
    {
      instrument: 'Nghị định 98/2020/NĐ-CP',
      article: 'Điều 9',
      text: 'Buôn bán hàng giả về giá trị sử dụng, công dụng',
      status: 'V',
      source: 'legal-basis.md S23',
    },
  ],
  ip_infringement: [
    {
      instrument: 'Luật Sở hữu trí tuệ 50/2005/QH11 (sửa đổi 2009, 2019, 2022)',
      article: 'Điều 129 khoản 1; Điều 213 khoản 2',
      text: 'Sử dụng dấu hiệu trùng hoặc tương tự nhãn hiệu được bảo hộ gây nhầm lẫn; hàng hóa giả mạo nhãn hiệu',
      status: 'V',
      source: 'legal-basis.md S21',
    },
  ],
  unknown_origin: [
    {
      instrument: 'Nghị định 98/2020/NĐ-CP',
      article: 'Điều về hàng hóa không rõ nguồn gốc, xuất xứ (số điều chưa xác định)',
      text: 'Kinh doanh hàng hóa không rõ nguồn gốc, xuất xứ',
      status: 'U',
      source: 'legal-basis.md S27',
    },
    {
      instrument: 'Nghị định 98/2020/NĐ-CP',
      article: 'Hành vi kinh doanh hàng hóa nhập lậu (Điều 15 hoặc 17: nguồn mâu thuẫn)',
      text: 'Kinh doanh hàng hóa nhập lậu',
      status: 'U',
      source: 'legal-basis.md S36',
    },
  ],
  expired: [
    {
      instrument: 'Nghị định 98/2020/NĐ-CP',
      article: 'Điều về thời hạn sử dụng của hàng hóa (số điều chưa xác định)',
      text: 'Kinh doanh hàng hóa quá thời hạn sử dụng',
      status: 'U',
      source: 'legal-basis.md S27',
    },
  ],
  substandard: [
    {
      instrument: 'Nghị định 98/2020/NĐ-CP',
      article: 'Điều 3 khoản 7',
      text: 'Hàng giả gồm hàng có chỉ tiêu chất lượng chỉ đạt đến 70% trở xuống',
      status: 'P',
      source: 'legal-basis.md S23',
    },
  ],
  banned_goods: [
    {
      instrument: 'Nghị quyết 173/2024/QH15',
      article: 'điểm 2.2',
      text: 'Cấm sản xuất, kinh doanh, nhập khẩu, tàng trữ, vận chuyển, sử dụng thuốc lá điện tử, thuốc lá nung nóng từ năm 2025',
      status: 'V-n',
      source: 'legal-basis.md S4',
    },
  ],
  false_advertising: [
    {
      instrument: 'Luật Quảng cáo 16/2012/QH13',
      article: 'Điều 8 khoản 9',
      text: 'Quảng cáo gây nhầm lẫn về chất lượng, công dụng của sản phẩm',
      status: 'V',
      source: 'legal-basis.md C (supplements)',
    },
    {
      instrument: 'Luật Bảo vệ quyền lợi người tiêu dùng 19/2023/QH15',
      article: 'Điều 10 khoản 1 điểm a',
      text: 'Thông tin gian dối, gây nhầm lẫn cho người tiêu dùng',
      status: 'V',
      source: 'legal-basis.md C (supplements)',
    },
  ],
  labelling_faults: [
    {
      instrument: 'Nghị định 37/2026/NĐ-CP',
      article: 'Điều 41 khoản 5, 6',
      text: 'Công khai toàn bộ nội dung nhãn khi đăng bán; chủ quản nền tảng bảo đảm khai báo nhãn',
      status: 'V',
      source: 'legal-basis.md S12',
    },
  ],
  anonymous_account: [
    {
      instrument: 'Luật Thương mại điện tử 122/2025/QH15',
      article: 'Điều 17 khoản 1 điểm c',
      text: 'Xác thực điện tử danh tính người bán',
      status: 'U',
      source: 'legal-basis.md S3',
    },
  ],
  prescription_online: [
    {
      instrument: 'Luật Dược 105/2016/QH13, sửa đổi bởi Luật 44/2024/QH15',
      article: 'Điều 32 khoản 1 điểm a (sửa đổi)',
      text: 'Chỉ bán lẻ trực tuyến thuốc không kê đơn; không bán thuốc kê đơn qua thương mại điện tử',
      status: 'P',
      source: 'legal-basis.md S17',
    },
  ],
  tobacco_online: [
    {
      instrument: 'Nghị định 67/2013/NĐ-CP',
      text: 'Kinh doanh thuốc lá phải có giấy phép; việc bán thuốc lá qua thương mại điện tử chưa được xác minh',
      status: 'U',
      source: 'legal-basis.md S18',
    },
  ],
  cosmetics: [
    {
      instrument: 'Thông tư 06/2011/TT-BYT',
      article: 'Điều 3 khoản 1',
      text: 'Mỹ phẩm chỉ được lưu thông khi có số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm',
      status: 'V',
      source: 'legal-basis.md S31',
    },
  ],
  supplements: [
    {
      instrument: 'Nghị định 46/2026/NĐ-CP',
      article: 'Điều 34 khoản 3, 6',
      text: 'Khuyến cáo "Thực phẩm này không phải là thuốc…"; công khai giấy xác nhận nội dung quảng cáo khi bán trên sàn',
      status: 'V',
      source: 'legal-basis.md S10',
    },
  ],
  pharmaceuticals: [
    {
      instrument: 'Luật Dược 105/2016/QH13',
      article: 'Điều 6 khoản 1, khoản 5 điểm a, b, e, h',
      text: 'Cấm kinh doanh dược không có giấy chứng nhận; thuốc giả, không rõ nguồn gốc, hết hạn, chưa được lưu hành; bán thuốc kê đơn không có đơn',
      status: 'V',
      source: 'legal-basis.md S16',
    },
  ],
  medical_devices: [
    {
      instrument: 'Nghị định 98/2021/NĐ-CP, sửa đổi bởi 07/2023/NĐ-CP',
      article: 'Điều 21, 22',
      text: 'Trang thiết bị y tế phải có số lưu hành',
      status: 'V',
      source: 'legal-basis.md S30',
    },
  ],
  milk: [
    {
      instrument: 'Luật Quảng cáo 16/2012/QH13',
      article: 'Điều 7 khoản 4',
      text: 'Cấm quảng cáo sữa thay thế sữa mẹ cho trẻ dưới 24 tháng tuổi',
      status: 'V',
      source: 'legal-basis.md S14',
    },
  ],
  food: [
    {
      instrument: 'Luật An toàn thực phẩm 55/2010/QH12',
      article: 'Điều 5',
      text: 'Những hành vi bị cấm trong sản xuất, kinh doanh thực phẩm',
      status: 'V',
      source: 'legal-basis.md S34 (khoản chưa trích)',
    },
  ],
  e_cigarettes: [
    {
      instrument: 'Nghị quyết 173/2024/QH15',
      article: 'điểm 2.2',
      text: 'Cấm kinh doanh, vận chuyển, sử dụng thuốc lá điện tử từ năm 2025',
      status: 'V-n',
      source: 'legal-basis.md S4',
    },
    {
      instrument: 'Luật Đầu tư 2025',
      article: 'Điều 6 (mục 11)',
      text: 'Cấm đầu tư kinh doanh thuốc lá điện tử, thuốc lá nung nóng (từ 1/3/2026)',
      status: 'V-n',
      source: 'legal-basis.md S6',
    },
  ],
  heated_tobacco: [
    {
      instrument: 'Nghị quyết 173/2024/QH15',
      article: 'điểm 2.2',
      text: 'Cấm kinh doanh, vận chuyển, sử dụng thuốc lá nung nóng từ năm 2025',
      status: 'V-n',
      source: 'legal-basis.md S4',
    },
    {
      instrument: 'Luật Đầu tư 2025',
      article: 'Điều 6 (mục 11)',
      text: 'Cấm đầu tư kinh doanh thuốc lá điện tử, thuốc lá nung nóng (từ 1/3/2026)',
      status: 'V-n',
      source: 'legal-basis.md S6',
    },
  ],
  cigarettes: [
    {
      instrument: 'Luật Phòng, chống tác hại của thuốc lá 09/2012/QH13',
      article: 'Điều 9 khoản 1',
      text: 'Cấm mua bán thuốc lá giả, thuốc lá nhập lậu',
      status: 'V',
      source: 'legal-basis.md S18',
    },
  ],
  alcohol: [
    {
      instrument: 'Luật Phòng, chống tác hại của rượu, bia 44/2019/QH14',
      article: 'Điều 16',
      text: 'Bán rượu, bia qua thương mại điện tử phải có biện pháp ngăn người dưới 18 tuổi mua',
      status: 'V',
      source: 'legal-basis.md S19',
    },
  ],
  firecrackers: [
    {
      instrument: 'Nghị định 137/2020/NĐ-CP',
      article: 'Điều 5 khoản 1',
      text: 'Cấm sản xuất, mua bán, nhập khẩu, tàng trữ, vận chuyển, sử dụng pháo nổ',
      status: 'V',
      source: 'legal-basis.md S20',
    },
  ],
  helmets: [
    {
      instrument: 'QCVN 2:2021/BKHCN (Thông tư 04/2021/TT-BKHCN)',
      text: 'Mũ bảo hiểm phải phù hợp quy chuẩn kỹ thuật quốc gia (hợp quy)',
      status: 'V',
      source: 'legal-basis.md S35',
    },
  ],
  agri_inputs: [
    {
      instrument: 'Luật Trồng trọt 31/2018/QH14',
      article: 'Điều 9 khoản 2–5',
      text: 'Phân bón chưa được công nhận lưu hành; giả, hết hạn, không rõ nguồn gốc',
      status: 'V',
      source: 'legal-basis.md S29',
    },
  ],
  fashion: [
    {
      instrument: 'Nghị định 37/2026/NĐ-CP',
      article: 'Phụ lục I mục 25',
      text: 'Nội dung bắt buộc trên nhãn hàng dệt, may, da, giầy',
      status: 'V',
      source: 'legal-basis.md S12',
    },
  ],
  watches: [
    {
      instrument: 'Nghị định 37/2026/NĐ-CP',
      article: 'Phụ lục I mục 59',
      text: 'Nội dung bắt buộc trên nhãn đồng hồ',
      status: 'V',
      source: 'legal-basis.md S12',
    },
  ],
  electronics: [
    {
      instrument: 'Nghị định 37/2026/NĐ-CP',
      article: 'Phụ lục I mục 40',
      text: 'Nội dung bắt buộc trên nhãn thiết bị điện, điện tử, CNTT',
      status: 'V',
      source: 'legal-basis.md S12',
    },
  ],
  household: [
    {
      instrument: 'Nghị định 37/2026/NĐ-CP',
      article: 'Phụ lục I mục 35',
      text: 'Nội dung bắt buộc trên nhãn đồ gia dụng không dùng điện',
      status: 'V',
      source: 'legal-basis.md S12',
    },
  ],
};

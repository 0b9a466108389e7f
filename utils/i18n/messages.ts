/**
 * Every user-facing string, Vietnamese first. English must have exactly the same keys (the type enforces it).
 * `{name}` placeholders are filled by `t()`.
 */
const vi = {
  'app.name': 'Trợ lý Một cửa',
  'app.tagline': 'Điền biểu mẫu dịch vụ công từ hồ sơ công dân lưu trên chính máy này.',
  'app.promise': 'Không dữ liệu công dân nào rời khỏi máy: không máy chủ, không CDN, không thu thập số liệu.',

  'panel.title': 'Trợ lý Một cửa',
  'panel.collapse': 'Thu gọn',
  'panel.expand': 'Mở Trợ lý Một cửa',
  'panel.stub': 'Bảng trợ giúp đã sẵn sàng trên trang này. Chức năng tìm công dân và điền biểu mẫu sẽ có ở bản sau.',
  'panel.fields': 'Phát hiện {fields} ô nhập liệu trong {frames} khung trang.',
  'panel.offline': 'Không liên lạc được với tiện ích. Hãy tải lại trang.',

  'pages.title': 'Các trang của Trợ lý Một cửa',
  'pages.training': 'Đào tạo: trang này. Bản sau sẽ có cổng mô phỏng, công dân mẫu và hướng dẫn từng bước.',
  'pages.settings': 'Cài đặt: ngôn ngữ, xã/phường, thời hạn lưu trữ và thêm cổng dịch vụ công.',
  'pages.records': 'Hồ sơ công dân (sắp có): lưu mã hoá, tìm kiếm, nhập/xuất bảng tính.',
  'pages.capture': 'Quét giấy tờ (sắp có): mã QR, MRZ và nhận dạng chữ trên thẻ căn cước, ngay trên máy.',
  'pages.dashboard': 'Bảng theo dõi (sắp có): nhật ký hồ sơ đã nộp cho lãnh đạo.',
  'pages.portal': 'Trên các cổng dịch vụ công, bảng trợ giúp hiện ở mép phải trang.',
  'pages.open': 'Mở',

  'settings.title': 'Cài đặt',
  'settings.language': 'Ngôn ngữ',
  'settings.ward': 'Xã/phường của trung tâm',
  'settings.ward.none': 'Chưa chọn',
  'settings.retention': 'Thời hạn lưu trữ (ngày)',
  'settings.save': 'Lưu',
  'settings.saved': 'Đã lưu.',
  'settings.locked': 'Do chính sách của đơn vị quản lý đặt, không sửa được tại đây.',
  'settings.hosts': 'Cổng dịch vụ công',
  'settings.hosts.builtIn': 'Có sẵn',
  'settings.hosts.extra': 'Đã thêm',
  'settings.hosts.input': 'Địa chỉ cổng (ví dụ dichvucong.example.gov.vn)',
  'settings.hosts.add': 'Thêm cổng dịch vụ công',
  'settings.hosts.remove': 'Gỡ',
  'settings.hosts.grant': 'Cho phép',
  'settings.hosts.notGranted': 'Chưa được cấp quyền',
  'settings.hosts.added': 'Đã thêm {host}. Tải lại trang cổng để bảng trợ giúp xuất hiện.',
  'settings.hosts.invalid': 'Địa chỉ "{input}" không phải tên máy chủ hợp lệ. Hãy nhập dạng dichvucong.example.gov.vn.',
  'settings.hosts.builtInAlready': '{host} đã có sẵn trong danh sách, không cần thêm.',
  'settings.hosts.denied': 'Chrome chưa cho phép chạy trên {host}. Hãy bấm "Cho phép" khi được hỏi.',
  'settings.retention.invalid': 'Thời hạn lưu trữ phải là số ngày từ 1 đến 36500.',

  'error.invalidMessage': 'Yêu cầu không hợp lệ, đã bị từ chối.',
  'error.forbidden': 'Trang này không được phép gửi yêu cầu tới tiện ích.',
  'error.unknown': 'Đã có lỗi: {detail}',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'One-stop counter assistant',
  'app.tagline': 'Fills public-service portal forms from citizen records kept on this machine.',
  'app.promise': 'No citizen data leaves the machine: no server, no CDN, no telemetry.',

  'panel.title': 'Counter assistant',
  'panel.collapse': 'Collapse',
  'panel.expand': 'Open the counter assistant',
  'panel.stub': 'The helper panel is ready on this page. Citizen search and form filling come in a later version.',
  'panel.fields': 'Found {fields} input fields in {frames} frames.',
  'panel.offline': 'Cannot reach the extension. Reload the page.',

  'pages.title': 'Pages of the counter assistant',
  'pages.training': 'Training: this page. A later version adds replica portals, sample citizens and guided tours.',
  'pages.settings': 'Settings: language, ward, retention period and extra portals.',
  'pages.records': 'Citizen records (coming): encrypted store, search, spreadsheet import/export.',
  'pages.capture': 'Capture (coming): ID-card QR, MRZ and OCR, on this machine.',
  'pages.dashboard': 'Dashboard (coming): the filing log for supervisors.',
  'pages.portal': 'On public-service portals the helper panel sits at the right edge of the page.',
  'pages.open': 'Open',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.ward': 'Ward of this centre',
  'settings.ward.none': 'Not chosen',
  'settings.retention': 'Retention period (days)',
  'settings.save': 'Save',
  'settings.saved': 'Saved.',
  'settings.locked': 'Set by your organisation’s policy; cannot be changed here.',
  'settings.hosts': 'Public-service portals',
  'settings.hosts.builtIn': 'Built in',
  'settings.hosts.extra': 'Added',
  'settings.hosts.input': 'Portal address (e.g. dichvucong.example.gov.vn)',
  'settings.hosts.add': 'Add a public-service portal',
  'settings.hosts.remove': 'Remove',
  'settings.hosts.grant': 'Allow',
  'settings.hosts.notGranted': 'Not allowed yet',
  'settings.hosts.added': 'Added {host}. Reload the portal page to see the helper panel.',
  'settings.hosts.invalid': '"{input}" is not a valid host name. Type it like dichvucong.example.gov.vn.',
  'settings.hosts.builtInAlready': '{host} is already built in.',
  'settings.hosts.denied': 'Chrome has not allowed motcua on {host}. Press "Allow" when asked.',
  'settings.retention.invalid': 'The retention period must be between 1 and 36500 days.',

  'error.invalidMessage': 'Invalid request, refused.',
  'error.forbidden': 'This page may not send requests to the extension.',
  'error.unknown': 'Something went wrong: {detail}',
};

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export const catalogue: Record<Language, Record<MessageKey, string>> = { vi, en };

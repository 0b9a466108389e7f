import { readFileSync } from 'node:fs';
import { AdminUnits, splitAddressLine } from '../../utils/vn/admin-units';
import { parseDate } from '../../utils/vn/dates';
import { encodeTcvn3, encodeVni, toUnicode } from '../../utils/vn/legacy-encodings';
import { splitName } from '../../utils/vn/names';
import { decodePersonalId, parseIdNumber } from '../../utils/vn/personal-id';
import { fold, matchKey } from '../../utils/vn/text';
import { latency, opsPerSecond, type BenchArea, type Metric } from '../lib/measure';

const dataDir = new URL('../../public/data/admin-units/', import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8')) as unknown;

const names = [
  'Nguyễn Văn An',
  'Trần Thị Thu Hà',
  'ĐẶNG QUỐC ĐẠT',
  'Lê Thị Ngọc Ánh',
  'Phạm Hoàng Yến Nhi',
  'Hoàng Thuỷ Tiên',
  'Tôn Nữ Minh Châu',
  'Vũ Đức Khoa'.normalize('NFD'),
];
const dates = ['01/01/1990', '5-9-1988', '29022024', '1975', '09/2001', 'ngày 15 tháng 8 năm 2021', '31/02/2020'];
const ids = ['001090012345', '079203000001', '1090012345', '123456789'];
const addresses = [
  'Số 1 phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội',
  'Thôn 3, Xã Tam Hiệp, Huyện Phúc Thọ, Hà Nội',
  '12 Lê Lợi, Phường 12, Quận 6, TP Hồ Chí Minh',
  'Tổ 5, Phường Thụy Khuê, Quận Tây Hồ, Hà Nội',
  'Xóm 2, Xã Bản Nguyên, Huyện Lâm Thao, Tỉnh Phú Thọ',
];
const sentence = 'Phường Quan Hoa, Quận Cầu Giấy, thành phố Hà Nội; họ và tên: Nguyễn Thị Thuỷ Tiên. ';

export const textBench: BenchArea = {
  area: 'text',
  async run(): Promise<Metric[]> {
    const load = await latency(
      () => AdminUnits.fromRaw(readJson('units-2026-07-25.json'), readJson('merger-notes-2025.json')),
      5,
    );
    const units = AdminUnits.fromRaw(readJson('units-2026-07-25.json'), readJson('merger-notes-2025.json'));
    const parsed = addresses.map((a) => splitAddressLine(a)!);
    const tcvn = [encodeTcvn3(sentence.repeat(20))];
    const vni = [encodeVni(sentence.repeat(20))];
    const legacyChars = tcvn[0]!.length;

    const perSecond = (name: string, value: number, target?: number): Metric => ({
      name,
      value,
      unit: 'ops/s',
      better: 'higher',
      ...(target ? { target } : {}),
    });
    return [
      perSecond('fold', opsPerSecond(fold, names), 200_000),
      perSecond('match_key', opsPerSecond(matchKey, names), 100_000),
      perSecond('split_name', opsPerSecond(splitName, names)),
      perSecond('parse_date', opsPerSecond(parseDate, dates), 100_000),
      perSecond(
        'parse_and_decode_id',
        opsPerSecond((raw: string) => {
          const r = parseIdNumber(raw);
          return r.ok && decodePersonalId(r.id.value);
        }, ids),
      ),
      {
        name: 'legacy_to_unicode',
        value: Math.round((opsPerSecond((t: string) => toUnicode(t), [...tcvn, ...vni], 300) * legacyChars) / 1000),
        unit: 'kchars/s',
        better: 'higher',
      },
      { name: 'admin_units_load_median', value: load.median, unit: 'ms', better: 'lower', target: 300 },
      { name: 'admin_units_load_p95', value: load.p95, unit: 'ms', better: 'lower' },
      perSecond(
        'commune_lookup',
        opsPerSecond((a: { ward: string }) => units.findCommunes(a.ward), parsed),
        50_000,
      ),
      perSecond(
        'legacy_address_mapping',
        opsPerSecond((a: Parameters<AdminUnits['mapLegacyAddress']>[0]) => units.mapLegacyAddress(a), parsed),
        10_000,
      ),
    ];
  },
};

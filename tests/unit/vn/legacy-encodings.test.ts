import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  chooseEncoding,
  decodeAs,
  detectEncoding,
  encodeTcvn3,
  encodeVni,
  tallyText,
  toUnicode,
  vietnameseLetters,
} from '@/utils/vn/legacy-encodings';

const upper = (s: string) => s.toLocaleUpperCase('vi');

describe('the letter inventory', () => {
  it('has every non-ASCII letter: 12 vowels × 6 forms, less the 6 plain ones, plus đ', () => {
    expect(vietnameseLetters).toHaveLength(12 * 6 - 6 + 1);
    expect(new Set(vietnameseLetters).size).toBe(67);
  });
});

describe('TCVN3 (ABC)', () => {
  it('decodes the VIETNAM.md example and others from old files', () => {
    expect(decodeTcvn3('B¶o Th¾ng')).toBe('Bảo Thắng');
    // ư is 0xAD, the soft hyphen, invisible in most fonts.
    expect(decodeTcvn3('M\u00adêng Kh\u00ad¬ng')).toBe('Mường Khương');
    expect(decodeTcvn3('B¸t X¸t')).toBe('Bát Xát');
    expect(decodeTcvn3('§µ N½ng')).toBe('Đà Nẵng');
  });

  it.each(vietnameseLetters)('round-trips lower-case %s', (letter) => {
    const encoded = encodeTcvn3(letter);
    expect(encoded).toHaveLength(1);
    expect(encoded.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(encoded.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    expect(decodeTcvn3(encoded)).toBe(letter);
  });

  it.each(vietnameseLetters.map(upper))('round-trips capital %s (capital font for toned capitals)', (letter) => {
    const encoded = encodeTcvn3(letter);
    expect(encoded).toHaveLength(1);
    expect(decodeTcvn3(encoded, { capitalFont: true })).toBe(letter);
  });

  it('encodes the capitals TCVN3 has on their own codes', () => {
    for (const letter of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeTcvn3(encodeTcvn3(letter))).toBe(letter);
  });
});

describe('VNI-Windows', () => {
  it('decodes the VIETNAM.md example', () => {
    expect(decodeVni('Xin chaøo')).toBe('Xin chào');
    expect(decodeVni('Nguyeãn Vaên Ñöùc')).toBe('Nguyễn Văn Đức');
  });

  it.each([...vietnameseLetters, ...vietnameseLetters.map(upper)])('round-trips %s', (letter) => {
    const encoded = encodeVni(letter);
    expect([...encoded].every((ch) => ch.charCodeAt(0) <= 0xff)).toBe(true);
    expect(decodeVni(encoded)).toBe(letter);
  });

  it('round-trips whole sentences in both cases', () => {
    const text = 'Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc. Quỳnh Lưu, Nghệ An; Ỷ Lan; Mỹ Tho.';
    expect(decodeVni(encodeVni(text))).toBe(text);
    expect(decodeVni(encodeVni(upper(text)))).toBe(upper(text));
    // TCVN3 has no codes for toned capitals ("Ỷ"): a sentence in the normal font keeps only untoned ones.
    const tcvnText = 'Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc. Quỳnh Lưu, Nghệ An.';
    expect(decodeTcvn3(encodeTcvn3(tcvnText))).toBe(tcvnText);
  });
});

describe('detection', () => {
  it.each([
    ['Bảo Thắng', 'unicode'],
    ['Nguyễn'.normalize('NFD'), 'unicode'],
    ['Nguyen Van A', 'ascii'],
    ['B¶o Th¾ng', 'tcvn3'],
    ['Phêng Quan Hoa, QuËn CÇu GiÊy, Hµ Néi', 'tcvn3'],
    ['Xin chaøo', 'vni'],
    ['Phöôøng Quan Hoa, Quaän Caàu Giaáy, Haø Noäi', 'vni'],
    ['Café crème brûlée à Paris', 'unicode'],
    // Unicode names made only of letters Latin-1 shares with Vietnamese stay as they are.
    ['Hoàng Mai Loan', 'unicode'],
    ['Lê Hoàng Khang', 'unicode'],
    ['Tô Thị Hà', 'unicode'],
    ['Vũ Hoàng Sơn'.normalize('NFD'), 'unicode'],
    ['Nguyeãn Vaên Ñöùc', 'vni'],
    ['NguyÔn V¨n §øc', 'tcvn3'],
  ])('%s → %s', (text, expected) => {
    expect(detectEncoding(text)).toBe(expected);
  });

  it('converts what it detects and leaves Unicode alone', () => {
    expect(toUnicode(encodeTcvn3('Phường Quan Hoa, Quận Cầu Giấy, Hà Nội'))).toEqual({
      text: 'Phường Quan Hoa, Quận Cầu Giấy, Hà Nội',
      from: 'tcvn3',
    });
    expect(toUnicode(encodeVni('Trần Thị Thu Hà'))).toEqual({ text: 'Trần Thị Thu Hà', from: 'vni' });
    expect(toUnicode('Trần Thị Thu Hà'.normalize('NFD'))).toEqual({ text: 'Trần Thị Thu Hà', from: 'unicode' });
  });
});

describe('names the old detection got wrong (issue 16)', () => {
  it.each([
    // TCVN3: iê and ưu were missing from the rhymes; "§" (Đ) opening a word shifted the VNI reading's words.
    ['§Æng Thanh DiÔm', 'tcvn3', 'Đặng Thanh Diễm'],
    ['Lª H÷u ViÖt', 'tcvn3', 'Lê Hữu Việt'],
    ['Phan TiÕn ThuËn', 'tcvn3', 'Phan Tiến Thuận'],
    // A tie went to VNI ("Ỹn"): "yn" is no rhyme, and "Õ" after "Y" is TCVN3's ế.
    ['Phan Thanh YÕn', 'tcvn3', 'Phan Thanh Yến'],
    // VNI: "Quaùch" passed as Unicode ("au" + "ch" is no rhyme).
    ['Quaùch Thò Hoa', 'vni', 'Quách Thị Hoa'],
    ['Phaïm Minh Hieån', 'vni', 'Phạm Minh Hiển'],
    ['Loø Vaên Vieät', 'vni', 'Lò Văn Việt'],
  ])('%s → %s "%s"', (text, encoding, decoded) => {
    expect(detectEncoding(text)).toBe(encoding);
    expect(toUnicode(text)).toEqual({ text: decoded, from: encoding });
  });

  it('decides for a whole column: a word that reads both ways follows the others', () => {
    // "Thò" alone reads as Unicode (a syllable as it is); in its column, with the other VNI names, it is "Thị".
    const column = ['Hoaøng Vaên Thuï', 'Thò', 'Nguyeãn Thò Laønh'];
    expect(detectEncoding('Thò')).toBe('unicode'); // cell by cell, "Thò" would stay
    const tally = column.reduce((t, cell) => tallyText(cell, t), tallyText(''));
    expect(chooseEncoding(tally)).toBe('vni');
    expect(column.map((c) => decodeAs(c, 'vni'))).toEqual(['Hoàng Văn Thụ', 'Thị', 'Nguyễn Thị Lành']);
  });

  it('leaves a cell holding Unicode-only letters as it is, whatever its column was decided to be', () => {
    expect(decodeAs('Nguyễn Văn Đức', 'vni')).toBe('Nguyễn Văn Đức');
    expect(decodeAs('Hoàng', 'unicode')).toBe('Hoàng');
  });
});

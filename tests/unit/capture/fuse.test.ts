import { describe, expect, it } from 'vitest';
import type { CardReading, OcrField } from '../../../utils/capture/card-fields';
import { baselineRead } from '../../../utils/capture/baseline';
import { fuse } from '../../../utils/capture/fuse';
import { buildTd1, parseTd1 } from '../../../utils/capture/mrz';
import { repairName } from '../../../utils/capture/names';
import { PlaceLexicon } from '../../../utils/capture/places';
import { classifyQr } from '../../../utils/capture/qr-payload';

const today = { year: 2026, month: 11, day: 28, precision: 'day' as const };
const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const f = (text: string, confidence = 0.95): OcrField => ({ text, confidence, bbox: box });
const reading = (fields: CardReading['fields'], model: CardReading['model'] = '2021'): CardReading => ({
  side: 'front',
  model,
  fields,
  mrz: null,
  warnings: [],
});
const mrz = (() => {
  const p = parseTd1(
    buildTd1({
      personalId: '001190012345',
      birth: '900101',
      sex: 'F',
      expiry: '300101',
      surname: 'NGUYEN',
      givenNames: 'THI TIEN',
    }),
    { year: 2026, month: 11, day: 28 },
  );
  if (!p.ok) throw new Error(p.reason.key);
  return p.mrz;
})();

describe('fuse', () => {
  it('flags an issue date after today (the expiry beside it read in its place, on the 2024 back)', () => {
    const back: CardReading = { ...reading({ issueDate: f('09/10/2035') }, '2024'), side: 'back' };
    const r = fuse({ ocr: [back] }, { today });
    expect(r.idIssueDate).toMatchObject({ value: '09/10/2035', uncertain: true });
    expect(r.idIssueDate!.notes.join(' ')).toMatch(/sau hôm nay/);
    const past = fuse({ ocr: [{ ...back, fields: { issueDate: f('01/06/2026') } }] }, { today });
    expect(past.idIssueDate?.notes ?? []).toEqual([]);
  });

  it('trusts the QR, confirms with the MRZ, and names an OCR disagreement', () => {
    const qr = classifyQr(
      '001190012345||Nguyễn Thị Tiễn|01011990|Nữ|Số 1 Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|15082021',
    );
    if (qr.kind !== 'citizen-id') throw new Error('not an ID QR');
    const r = fuse(
      { qr: qr.card, mrz, ocr: [reading({ birthDate: f('01/07/1990'), fullName: f('NGUYỄN THỊ TIỄN') })] },
      { today },
    );
    expect(r.fullName).toMatchObject({ value: 'Nguyễn Thị Tiễn', source: 'qr', uncertain: false });
    expect(r.birthDate).toMatchObject({ value: '01/01/1990', source: 'qr', uncertain: true });
    expect(r.birthDate!.notes.join(' ')).toMatch(/OCR đọc "01\/07\/1990"/);
    expect(r.personalId).toMatchObject({ value: '001190012345', confidence: 0.99 });
    expect(r.idIssuePlace?.value).toBe('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    expect(r.expiry).toMatchObject({ value: '01/01/2030', source: 'mrz' });
  });

  it('without a QR, takes the MRZ where its checks pass and repairs the OCR name from the lexicon and the MRZ letters', () => {
    const r = fuse(
      { mrz, ocr: [reading({ fullName: f('NGUYÊN THI TIỄN', 0.9), personalId: f('001190012345'), sex: f('Nữ') })] },
      { today },
    );
    expect(r.fullName?.value).toBe('Nguyễn Thị Tiễn');
    expect(r.fullName?.source).toBe('ocr');
    expect(r.personalId?.confidence).toBe(0.99);
    expect(r.sex?.value).toBe('Nữ');
  });

  it('trusts a realigned MRZ line’s number less than the front’s large print read alike twice', () => {
    const id = (m: typeof mrz, ocrConfidence: number) =>
      fuse({ mrz: m, ocr: [reading({ personalId: f('058076168915', ocrConfidence) })] }, { today }).personalId;
    const shifted = { ...mrz, personalId: '089076168915' };
    expect(id({ ...shifted, realigned: [1] }, 0.95)).toMatchObject({
      value: '058076168915',
      source: 'ocr',
      uncertain: true,
    });
    expect(id({ ...shifted, realigned: [1] }, 0.95)!.notes.join(' ')).toMatch(/MRZ đọc "089076168915"/);
    // Read whole, the MRZ line's checks are the better witness; so they are when OCR's two readings disagreed.
    expect(id(shifted, 0.95)).toMatchObject({ value: '089076168915', source: 'mrz' });
    expect(id({ ...shifted, realigned: [1] }, 0.7)).toMatchObject({ value: '089076168915', source: 'mrz' });
  });

  it('flags what the ID number contradicts, and an expired card', () => {
    const r = fuse(
      {
        ocr: [
          reading({ personalId: f('001090012345'), sex: f('Nữ'), birthDate: f('01/01/1991'), expiry: f('01/01/2025') }),
        ],
      },
      { today },
    );
    expect(r.sex?.uncertain).toBe(true);
    expect(r.sex?.notes.join(' ')).toMatch(/gợi ý giới tính Nam/);
    expect(r.birthDate?.notes.join(' ')).toMatch(/năm sinh 1990/);
    expect(r.expiry?.notes.join(' ')).toMatch(/đã hết hạn/);
  });
});

describe('repairName', () => {
  it('of two readings of an address, keeps the one the place names explain', () => {
    const places = new PlaceLexicon(['phường Quán Thánh (quận Ba Đình)', 'Hà Nội']);
    const page = 'Số 4 Phan Đình Phùng, Phường Quán Thánh, Quận Ba nó (2é Đình, Hà Nội Rgên';
    const focused = 'Số 4 Phan Đình Phùng, Phường Quán Thánh, Quận Ba Đình, Hà Nội';
    const read = (text: string, alternatives?: string[]) =>
      fuse(
        { ocr: [reading({ residence: { ...f(text), ...(alternatives ? { alternatives } : {}) } })] },
        { today, places },
      ).permanentAddress?.value;
    expect(read(page, [focused])).toBe(focused);
    expect(read(focused, [page])).toBe(focused);
    // Explained as well: the focused re-read (the page's house number was misread).
    expect(read(focused.replace('Số 4', 'Số 9'), [focused])).toBe(focused);
  });

  it('vouches for a place both looks name alike once the place names have spoken, and flags one they name apart', () => {
    const places = new PlaceLexicon(['phường Quán Thánh (quận Ba Đình)', 'Hà Nội']);
    const page = 'Phường Quán Thánh, Quận Ba Đình, Hà Nội';
    const hometown = (alternatives: string[]) =>
      fuse(
        {
          ocr: [reading({ hometown: { ...f(page), confidence: 0.9, agreed: false, alternatives } })],
        },
        { today, places },
      ).hometown;
    // The second look set its comma apart: the same place, not a doubt.
    expect(hometown(['Phường Quán Thánh , Quận Ba Đình, Hà Nội'])).toMatchObject({ value: page, uncertain: false });
    // Another place, or the same with a word the place names do not explain: flagged.
    expect(hometown(['Phường Quán Thánh, Quận Ba Đình, Hải Phòng'])?.uncertain).toBe(true);
    expect(hometown(['Phường Quán Thánh, Quận Ba Đình, Hà Nội Rgên'])?.uncertain).toBe(true);
  });

  it('flags a place read alike twice whose part is only a piece of a known name', () => {
    const places = new PlaceLexicon(['phường Thạch Thang, phường Hải Châu I (quận Hải Châu)', 'Đà Nẵng']);
    const hometown = (text: string) =>
      fuse(
        { ocr: [reading({ hometown: { ...f(text), confidence: 0.95, agreed: false, alternatives: [text] } })] },
        { today, places },
      ).hometown;
    expect(hometown('Thạch Thang, Hải Châu, Đà Nẵng')?.uncertain).toBe(false);
    const lost = hometown('Thang, Hải Châu, Đà Nẵng');
    expect(lost?.uncertain).toBe(true);
    expect(lost?.notes.join(' ')).toMatch(/"Thang" chỉ là một phần của tên địa danh/);
  });

  it('puts back a lost stacked mark when the lexicon has one spelling', () => {
    expect(repairName('NGUYÊN VĂN TUÂN').value).toBe('Nguyễn Văn Tuấn');
  });
  it('flags a syllable whose marks cannot be decided', () => {
    const r = repairName('TRẦN THỊ HA');
    expect(r.uncertain).toBe(true);
    expect(r.notes.join(' ')).toMatch(/Ha/);
  });
  it('takes a word from the MRZ only where OCR read no name and the MRZ one, and flags the name', () => {
    const r = repairName('HOÀNG THỊ GNGỌC THƯỞNG', { mrz: 'HOANG THI NGOC THUONG' });
    expect(r.value).toMatch(/^Hoàng Thị Ngọc Th/);
    expect(r.uncertain).toBe(true);
    expect(r.notes[0]).toMatch(/khác chữ với MRZ/);
    // A filler read as a letter in the MRZ does not spoil a good OCR reading.
    expect(repairName('LÂM NGỌC DIỄM', { mrz: 'LAM NGOC GDIEM' }).value).toBe('Lâm Ngọc Diễm');
  });

  it('holds the first word to the surnames, drops a dust word the MRZ has not, and knows "Thị" is no given name', () => {
    expect(repairName('UY VĂN HƯNG', { mrz: 'LY VAN HUNG' }).value).toBe('Lý Văn Hưng');
    const dust = repairName('UC PHẠM VĂN KHUÊ', { mrz: 'PHAM VAN KHUE' });
    expect(dust.value).toBe('Phạm Văn Khuê');
    expect(dust.notes[0]).toMatch(/bỏ "Uc"/);
    // A name word the MRZ cut off (a long name) is no dust.
    expect(repairName('NGUYỄN THỊ THU HƯƠNG', { mrz: 'NGUYEN THI THU' }).value).toBe('Nguyễn Thị Thu Hương');
    // A lone letter read before the name (the portrait's frame) is no surname; a Tây Nguyên name prefix is kept.
    const lone = repairName('Ô ĐÌNH THỊ THU VY');
    expect(lone.value).toBe('Đinh Thị Thu Vy');
    expect(lone.notes[0]).toMatch(/bỏ "Ô"/);
    expect(repairName('O TÔ QUỐC BIỆU').value).toMatch(/^Tô Quốc/);
    expect(repairName('Y MOAN ÊNUÔL').value).toMatch(/^Y Moan/);
    // Sắc and hỏi blur into one another in small print: a name with a sibling so spelled is flagged, not trusted.
    const thuy = repairName('MAI THỊ THUÝ');
    expect(thuy).toMatchObject({ value: 'Mai Thị Thuý', uncertain: true });
    expect(thuy.notes.join(' ')).toMatch(/Thuỷ/);
    expect(thuy.notes.join(' ')).not.toMatch(/Thúy/);
    expect(repairName('NGUYỄN VĂN HẢI').uncertain).toBe(false);
    // Huyền is drawn above the vowel too: read for a ngã (held-out card 4049-9, "Tiễn" read "Tiền"), it is flagged.
    const tien = repairName('PHAN VĂN TIỀN');
    expect(tien.uncertain).toBe(true);
    expect(tien.notes.join(' ')).toMatch(/Tiễn/);
    const thi = repairName('TĂNG NGỌC THỊ');
    expect(thi).toMatchObject({ value: 'Tăng Ngọc Thi', uncertain: true });
  });
});

describe('baselineRead', () => {
  it('finds what plain regular expressions find in whole-card OCR text', () => {
    const b = baselineRead(
      'Số / No.: 001090012345\nHọ và tên / Full name:\nNGUYỄN VĂN A\nNgày sinh / Date of birth: 01/01/1990\nGiới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam',
    );
    expect(b).toMatchObject({
      personalId: '001090012345',
      fullName: 'NGUYỄN VĂN A',
      birthDate: '01/01/1990',
      sex: 'Nam',
      nationality: 'Việt Nam',
    });
  });
});

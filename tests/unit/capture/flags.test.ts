import { describe, expect, it } from 'vitest';
import type { CardReading, OcrField } from '../../../utils/capture/card-fields';
import { fuse, qrResidence, type Review } from '../../../utils/capture/fuse';
import { missingFields } from '../../../utils/capture/missing';
import { PlaceLexicon } from '../../../utils/capture/places';
import { buildTd1, parseTd1 } from '../../../utils/capture/mrz';
import { classifyQr, parentsIn } from '../../../utils/capture/qr-payload';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const f = (text: string, agreed?: boolean, confidence = 0.93): OcrField => ({
  text,
  confidence,
  bbox: box,
  ...(agreed === undefined ? {} : { agreed }),
});
const front = (fields: CardReading['fields']): CardReading => ({
  side: 'front',
  model: '2021',
  fields,
  mrz: null,
  warnings: [],
});
const today = { year: 2026, month: 11, day: 28, precision: 'day' as const };

describe('flags come from the witnesses, not from the OCR confidence alone', () => {
  it('a date or a number read alike twice stands; read once, or differently the second time, it is flagged', () => {
    const alike = fuse(
      { ocr: [front({ birthDate: f('02/03/1990', true), personalId: f('001090012345', true) })] },
      { today },
    );
    expect(alike.birthDate?.uncertain).toBe(false);
    expect(alike.personalId?.uncertain).toBe(false);
    const once = fuse(
      { ocr: [front({ birthDate: f('02/03/1990'), personalId: f('001090012345', false) })] },
      { today },
    );
    expect(once.birthDate?.uncertain).toBe(true);
    expect(once.personalId?.uncertain).toBe(true);
  });

  it('a confident OCR reading read alike twice but below the calibrated confidence is still flagged', () => {
    const r = fuse({ ocr: [front({ birthDate: f('02/03/1990', true, 0.4) })] }, { today });
    expect(r.birthDate?.uncertain).toBe(true);
  });

  it('"Việt Nam" read is not flagged on every card; a name of two words is', () => {
    const r = fuse(
      { ocr: [front({ nationality: f('Việt Nam', undefined, 0.5), fullName: f('LÂM MINH', true) })] },
      { today },
    );
    expect(r.nationality).toMatchObject({ value: 'Việt Nam', uncertain: false });
    expect(r.fullName?.uncertain).toBe(true);
  });
});

describe('an address cut short is flagged', () => {
  const places = new PlaceLexicon(['Phường Bình Trị Đông B', 'Quận 10', 'Thành phố Hồ Chí Minh', 'Bắc Ninh']);
  const hometown = (text: string) => fuse({ ocr: [front({ hometown: f(text, true) })] }, { today, places }).hometown;

  it('ends in a province, read alike twice: it stands', () => {
    expect(hometown('Phường Bình Trị Đông B, Quận 10, Thành phố Hồ Chí Minh')?.uncertain).toBe(false);
    expect(hometown('Bắc Ninh')?.uncertain).toBe(false);
  });

  it('ends in anything else (the line read short, every word a place word or a number): flagged, and why', () => {
    const cut = hometown('Phường Bình Trị Đông B, Quận 10, Thành phố 1');
    expect(cut?.value).toBe('Phường Bình Trị Đông B, Quận 10, Thành phố 1');
    expect(cut?.uncertain).toBe(true);
    expect(cut?.notes.join(' ')).toMatch(/không phải tên tỉnh, thành phố/);
    expect(hometown('Phường Bình Trị Đông B, Quận 10')?.uncertain).toBe(true);
  });
});

/** A card's MRZ as read, with one line's characters replaced (a misread digit). */
const readMrz = (card: Parameters<typeof buildTd1>[0], misread: { line: 0 | 1; at: number; as: string }[] = []) => {
  const lines = buildTd1(card);
  for (const m of misread) lines[m.line] = lines[m.line]!.slice(0, m.at) + m.as + lines[m.line]!.slice(m.at + 1);
  const p = parseTd1(lines, today);
  if (!p.ok) throw new Error(p.reason.key);
  return p.mrz;
};
const back = { side: 'back' as const, model: '2021' as const, fields: {}, mrz: null, warnings: [] };
const vy = {
  personalId: '062198912903',
  birth: '981211',
  sex: 'F' as const,
  surname: 'DINH',
  givenNames: 'THI THU VY',
};

describe('the MRZ: each field’s own check digit and the card’s rules vouch where the composite fails', () => {
  it('the number in both its copies, each passing its check, born the year line 2 says: number, birth and sex stand', () => {
    // The expiry misread (2023 as 2025): its check and the composite fail, the expiry is not shown.
    const mrz = readMrz({ ...vy, expiry: '231211' }, [{ line: 1, at: 9, as: '5' }]);
    expect(mrz.checks.find((c) => c.field === 'composite')?.ok).toBe(false);
    const r = fuse({ mrz, ocr: [back] }, { today });
    expect(r.personalId).toMatchObject({ value: '062198912903', source: 'mrz', uncertain: false });
    expect(r.birthDate).toMatchObject({ value: '11/12/1998', uncertain: false });
    expect(r.sex).toMatchObject({ value: 'Nữ', uncertain: false });
    expect(r.expiry).toBeUndefined();
  });

  it('a number whose year line 2 contradicts stays flagged, and so does the birth date', () => {
    const mrz = readMrz({ ...vy, birth: '971211', expiry: '221211' }, [{ line: 1, at: 9, as: '5' }]);
    const r = fuse({ mrz, ocr: [back] }, { today });
    expect(r.personalId?.uncertain).toBe(true);
    expect(r.birthDate?.uncertain).toBe(true);
  });

  it('birth and expiry, each passing its check, the expiry on the 25th, 40th or 60th birthday: both stand', () => {
    // The number's copy in the optional field misread: its check and the composite fail.
    const read = (expiry: string) =>
      fuse(
        { mrz: readMrz({ ...vy, birth: '761204', expiry }, [{ line: 0, at: 17, as: '9' }]), ocr: [back] },
        { today },
      );
    const r = read('361204');
    expect(r.birthDate).toMatchObject({ value: '04/12/1976', uncertain: false });
    expect(r.expiry).toMatchObject({ value: '04/12/2036', uncertain: false });
    // Sex has no check digit of its own: without the number it stays flagged.
    expect(r.sex?.uncertain).toBe(true);
    const off = read('361205');
    expect(off.birthDate?.uncertain).toBe(true);
    expect(off.expiry?.uncertain).toBe(true);
  });
});

describe('a card runs out on a birthday', () => {
  it('flags the birth date and the expiry when they fall on different days, every check passing (stranger back 39)', () => {
    // Read '3' as '5' in the birth date and in its check digit alike: the MRZ passes, the law does not.
    const card = { personalId: '015201857273', sex: 'M' as const, surname: 'HOANG', givenNames: 'KHANH' };
    const misread = fuse({ mrz: readMrz({ ...card, birth: '010105', expiry: '410103' }), ocr: [back] }, { today });
    expect(misread.birthDate).toMatchObject({ value: '05/01/2001', uncertain: true });
    expect(misread.expiry?.uncertain).toBe(true);
    expect(misread.birthDate?.notes.join(' ')).toMatch(/không trùng ngày sinh/);
    const right = fuse({ mrz: readMrz({ ...card, birth: '010103', expiry: '410103' }), ocr: [back] }, { today });
    expect(right.birthDate).toMatchObject({ value: '03/01/2001', uncertain: false });
    expect(right.expiry?.uncertain).toBe(false);
  });
});

describe('the residence: the QR short form against the card’s printed form', () => {
  it('keeps the printed full form when OCR confirms the QR word for word but for the unit words', () => {
    const r = qrResidence(
      'Số 12 Lê Lợi, Lộc Thọ, Nha Trang, Khánh Hòa',
      'Số 12 Lê Lợi, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hòa',
    );
    expect(r).toMatchObject({
      value: 'Số 12 Lê Lợi, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hòa',
      source: 'qr',
      uncertain: false,
    });
  });

  it('takes the QR’s spelling of the words (OCR lost a mark) with the card’s unit words', () => {
    expect(
      qrResidence(
        'Số 12 Lê Lợi, Lộc Thọ, Nha Trang, Khánh Hòa',
        'Số 12 Lê Lơi, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hoa',
      ).value,
    ).toBe('Số 12 Lê Lợi, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hòa');
  });

  it('flags the short form when nothing printed confirms it, and not a full form', () => {
    expect(qrResidence('Số 12 Lê Lợi, Lộc Thọ, Nha Trang, Khánh Hòa', null).uncertain).toBe(true);
    expect(
      qrResidence(
        'Số 12 Lê Lợi, Lộc Thọ, Nha Trang, Khánh Hòa',
        'Số 12 Lê Lợi, Phường Lộc Thọ, Thành phố Vinh, Nghệ An',
      ).uncertain,
    ).toBe(true);
    expect(qrResidence('Số 12 Lê Lợi, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hòa', null).uncertain).toBe(false);
  });
});

describe('the 2024 card’s extra QR fields', () => {
  it('keeps the raw text and every extra field, and tells the parents labelled or by their place', () => {
    const qr = classifyQr(
      '001190012345||Nguyễn Thị Tiễn|01011990|Nữ|Hà Nội|15082024|Nguyễn Văn Bình|Trần Thị Hoa|001060012345',
    );
    if (qr.kind !== 'citizen-id') throw new Error('not an ID QR');
    expect(qr.card.raw).toContain('|Trần Thị Hoa|');
    expect(qr.card.extra).toEqual(['Nguyễn Văn Bình', 'Trần Thị Hoa', '001060012345']);
    expect(qr.card.parents).toMatchObject({ father: 'Nguyễn Văn Bình', mother: 'Trần Thị Hoa', byPosition: true });
    expect(parentsIn(['Mẹ: Lê Thị Lan', 'x']).parents).toMatchObject({ mother: 'Lê Thị Lan', byPosition: false });
    expect(parentsIn(['001060012345']).parents).toBeUndefined();
  });
});

describe('every empty field has its reason', () => {
  it('unreadable on the side read, printed on the other side, or no card recognised', () => {
    const reading = front({ personalId: f('001090012345', true) });
    const missing = missingFields(fuse({ ocr: [reading] }, { today }), [reading], null);
    expect(missing.fullName).toEqual({ code: 'unreadable', side: 'front' });
    expect(missing.idIssueDate).toEqual({ code: 'otherSide', side: 'back' });
    expect(missing.personalId).toBeUndefined();
    const none: CardReading = { side: null, model: null, fields: {}, mrz: null, warnings: [] };
    expect(missingFields({}, [none], null).fullName).toEqual({ code: 'noCard' });
  });

  it('a model only the QR corner suggested (a crop that cut the code off) is no model: either model’s fields have a reason', () => {
    const back: CardReading = { side: 'back', model: '2021', modelBy: 'corner', fields: {}, mrz: null, warnings: [] };
    const guessed = missingFields({}, [back], null);
    expect(guessed.placeOfBirth).toEqual({ code: 'unreadable', side: 'back' });
    expect(guessed.idIssueDate).toEqual({ code: 'unreadable', side: 'back' });
    // Told by the card's own words, the 2021 back prints no place of birth.
    expect(missingFields({}, [{ ...back, modelBy: 'text' }], null).placeOfBirth).toBeUndefined();
  });

  it('with the QR code read, by the model its issue date tells: on the side that carries it, or the other', () => {
    const none: CardReading = { side: null, model: null, fields: {}, mrz: null, warnings: [] };
    const fromQr: Review = {
      fullName: { value: 'Nguyễn Văn A', source: 'qr', confidence: 0.99, uncertain: false, notes: [] },
    };
    // A 2021 front whose code was read but whose words were not: the front's other fields unreadable there.
    const y2021 = missingFields(fromQr, [none], { issueDate: { year: 2021, month: 8, day: 15, precision: 'day' } });
    expect(y2021).toMatchObject({
      nationality: { code: 'unreadable', side: 'front' },
      hometown: { code: 'unreadable', side: 'front' },
      idIssueDate: { code: 'otherSide', side: 'back' },
    });
    expect(y2021.fullName).toBeUndefined();
    expect(y2021.placeOfBirth).toBeUndefined();
    // A close-up of a 2024 card's code (no photo of a side): where each other field is printed.
    const y2024 = missingFields(fromQr, [], { issueDate: { year: 2024, month: 7, day: 1, precision: 'day' } });
    expect(y2024).toMatchObject({
      nationality: { code: 'otherSide', side: 'front' },
      placeOfBirth: { code: 'otherSide', side: 'back' },
    });
    expect(y2024.hometown).toBeUndefined();
  });
});

describe('the expiry the law gives the card, from its birth and issue dates (renewal at 25, 40, 60)', () => {
  const qrOf = (issue: string) => {
    const qr = classifyQr(
      `048096036612||Đỗ Đức Dũng|25071996|Nam|Số 141 Nguyễn Văn Cừ, Xã Nghĩa Trung, Huyện Tư Nghĩa, Quảng Ngãi|${issue}`,
    );
    if (qr.kind !== 'citizen-id') throw new Error('not a citizen QR');
    return qr.card;
  };
  const read = (issue: string, expiry?: OcrField) =>
    fuse({ qr: qrOf(issue), ocr: [front(expiry ? { expiry } : {})] }, { today }).expiry;

  it('none read: the law’s date is shown, flagged, said to be derived', () => {
    const r = read('27092023');
    expect(r).toMatchObject({ value: '25/07/2036', source: 'rule', uncertain: true });
    expect(r?.notes.join(' ')).toMatch(/Luật Căn cước.*25\/07\/2036/);
  });

  it('a reading of the same date stands, read once; a reading of another is flagged with the law’s date', () => {
    expect(read('27092023', f('25/07/2036'))).toMatchObject({ value: '25/07/2036', uncertain: false });
    const other = read('27092023', f('25/07/2021', true));
    expect(other?.uncertain).toBe(true);
    expect(other?.notes.join(' ')).toMatch(/Khác ngày hết hạn theo Luật Căn cước.*25\/07\/2036/);
  });

  it('a front alone: the expiry every issue date of the model gives is shown, flagged; one they leave open is not', () => {
    const byFront = (birth: string, id: string, expiry?: OcrField) =>
      fuse(
        { ocr: [front({ birthDate: f(birth, true), personalId: f(id, true), ...(expiry ? { expiry } : {}) })] },
        { today },
      ).expiry;
    // Born in 1958, a 2021 card was issued past 58 whenever it was (2021 to mid-2024): no expiry.
    const old = byFront('20/10/1958', '077058012345');
    expect(old).toMatchObject({ value: 'Không thời hạn', source: 'rule', uncertain: true });
    expect(old?.notes.join(' ')).toMatch(/cấp từ 01\/01\/2021 đến 30\/06\/2024/);
    // Read the same, the reading stands.
    expect(byFront('20/10/1958', '077058012345', f('Không thời hạn'))).toMatchObject({ uncertain: false });
    // Born in 1985: issued before 18/10/2023 to the 40th birthday, after it to the 60th: left to the card.
    expect(byFront('18/10/1985', '052085012345')).toBeUndefined();
  });

  it('a card past the date the law gives keeps its note and is not doubted for it', () => {
    // Issued at 21: to the 25th birthday, 25/07/2021.
    const r = read('01082017', f('25/07/2021', true));
    expect(r).toMatchObject({ value: '25/07/2021', uncertain: false });
    expect(r?.notes.join(' ')).toMatch(/đã hết hạn/);
  });
});

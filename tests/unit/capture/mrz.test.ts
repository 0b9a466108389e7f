import { describe, expect, it } from 'vitest';
import { t } from '../../../utils/i18n';
import { buildTd1, checkDigit, combineTd1, mrzName, parseTd1, sexFromOthers } from '../../../utils/capture/mrz';
import { buildTd3, parseMrz } from '../../../utils/capture/passport';
import { fuse } from '../../../utils/capture/fuse';

const reference = { year: 2026, month: 11, day: 28 };
const sample = ['IDVNM0900123450001090012345<<1', '9001011M5001013VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<'];

describe('MRZ check digits', () => {
  it.each([
    ['090012345', 0],
    ['001090012345', 1],
    ['900101', 1],
    ['500101', 3],
    ['L898902C3', 6],
    ['ZE184226B', 1],
  ])('%s → %i', (text, digit) => expect(checkDigit(text)).toBe(digit));
});

describe('parseTd1', () => {
  it('keeps the ID whose own check digit was misread when its last nine digits are the checked document number, marked unchecked; the fusion flags it', () => {
    const lines = ['IDVNM0900123450001090012345<C<', sample[1]!, sample[2]!];
    const r = parseTd1(lines, reference);
    expect(r.ok && r.mrz.personalId).toBe('001090012345');
    expect(r.ok && r.mrz.personalIdUnchecked).toBe(true);
    const review = fuse({ mrz: r.ok ? r.mrz : null, ocr: [] }, { today: { ...reference, precision: 'day' } });
    expect(review.personalId).toMatchObject({ value: '001090012345', source: 'mrz', uncertain: true });
    // Digits that are not the document number's are no such ID.
    const other = parseTd1(['IDVNM0900123450001090099999<C<', sample[1]!, sample[2]!], reference);
    expect(other.ok && other.mrz.personalId).toBe(null);
  });

  it('takes the ID from the checked document number when its check digit is lost or a digit was read twice (tuning backs 3031-11, 3031-14)', () => {
    // The line cut short after the ID: its check digit unread, so the ID is kept unchecked (and flagged).
    const cut = parseTd1(
      ['1DVNMO590488147011059048814', '5912247M<<<<<<<VNM<<<<<<<<<<<4', 'TRAN<<MINH<TUYEN<<<<<<<<<<<<<<'],
      reference,
    );
    expect(cut.ok && cut.mrz.personalId).toBe('011059048814');
    expect(cut.ok && cut.mrz.personalIdUnchecked).toBe(true);
    // A '9' read twice in the ID, the line's last character its passing check digit: the ID is checked.
    const twice = parseTd1(
      ['ID0VNMO9816585510420989165855<<5', '9810178M3810176VNM<<<<<<<<<<<6', 'NGO<<MINH<NGUYEN<<<<<<<<<<<<<<'],
      reference,
    );
    expect(twice.ok && twice.mrz.personalId).toBe('042098165855');
    expect(twice.ok && twice.mrz.checks.find((c) => c.field === 'personalId')?.ok).toBe(true);
    expect(twice.ok && twice.mrz.personalIdUnchecked).toBeUndefined();
    expect(twice.ok && twice.mrz.repairs.join(' ')).toContain('chữ số kiểm tra khớp');
    // The same without its check digit: kept unchecked, and the repair says so.
    const unread = parseTd1(
      ['ID0VNMO9816585510420989165855<<', '9810178M3810176VNM<<<<<<<<<<<6', 'NGO<<MINH<NGUYEN<<<<<<<<<<<<<<'],
      reference,
    );
    expect(unread.ok && unread.mrz.personalId).toBe('042098165855');
    expect(unread.ok && unread.mrz.personalIdUnchecked).toBe(true);
    expect(unread.ok && unread.mrz.repairs.join(' ')).toContain('chưa kiểm được');
    // Thirteen digits that hold no ID ending with the document number: none is made up.
    const other = parseTd1(['IDVNM09001234500019900123457<<3', sample[1]!, sample[2]!], reference);
    expect(other.ok && other.mrz.personalId).toBe(null);
  });

  it('rebuilds line 1 around its document number read twice when a letter crept into the header (tuning back 3031-19)', () => {
    const r = parseTd1(
      ['10VNMH0913020894034091302089<c', '9106260M3106266VNM<<<<<<<<<<<2', 'DANG<<QUOC<NGUYEN<<<<<<<<<<<<<'],
      reference,
    );
    expect(r.ok && r.mrz.documentNumber).toBe('091302089');
    expect(r.ok && r.mrz.personalId).toBe('034091302089');
    // Its own check digit unread ("<c"): kept, unchecked.
    expect(r.ok && r.mrz.personalIdUnchecked).toBe(true);
    // The same line with the document number's two readings differing: nothing is made up.
    const differ = parseTd1(
      ['10VNMH0913020894034091302088<c', '9106260M3106266VNM<<<<<<<<<<<2', 'DANG<<QUOC<NGUYEN<<<<<<<<<<<<<'],
      reference,
    );
    expect(differ.ok && differ.mrz.personalId).not.toBe('034091302089');
  });

  it('takes a misread sex letter only when the ID’s sex digit says the same (tuning backs 3031-8, 3031-12)', () => {
    const female = parseTd1(
      ['IDVNM1537864312060153786431<<0', '5311080E<<<<<<<VNM<<<<<<<<<<<8', 'LY<<THI<NGOC<PHUNG<<<<<<<<<<<<'],
      reference,
    );
    expect(female.ok && female.mrz.sex).toBe('Nữ');
    expect(female.ok && female.mrz.repairs.some((r) => r.includes('"E"'))).toBe(true);
    const male = parseTd1(
      ['IDVNM0948287815072094828781<<8', '9408104N3408102VNM<<<<<<<<<<<8', 'TO<<QUOC<THUONG<<<<<<<<<<<<<<<'],
      reference,
    );
    expect(male.ok && male.mrz.sex).toBe('Nam');
    // An N where the ID's digit says female: no sex is taken.
    const against = parseTd1(
      ['IDVNM1537864312060153786431<<0', '5311080N<<<<<<<VNM<<<<<<<<<<<8', 'LY<<THI<NGOC<PHUNG<<<<<<<<<<<<'],
      reference,
    );
    expect(against.ok && against.mrz.sex).toBe(null);
  });

  it('reads a card without expiry whose chevrons were read with letters among them (tuning back 3031-11)', () => {
    const r = parseTd1(['IDVNM0900123450001090012345<<1', '5912247M<C<C<<<<<VNN<<<<<<<<<', sample[2]!], reference);
    expect(r.ok && r.mrz.expiry).toBe(null);
    expect(r.ok && r.mrz.checks.find((c) => c.field === 'expiry')?.ok).toBe(true);
    expect(r.ok && r.mrz.birthDate).toEqual({ year: 1959, month: 12, day: 24, precision: 'day' });
    expect(r.ok && r.mrz.nationality).toBe('VNM');
    const review = fuse({ mrz: r.ok ? r.mrz : null, ocr: [] }, { today: { ...reference, precision: 'day' } });
    expect(review.expiry?.value).toBe('Không thời hạn');
    // Digits there are an expiry misread, not its absence.
    const digits = parseTd1(['IDVNM0900123450001090012345<<1', '5912247M<C<1<<<<<VNN<<<<<<<<<', sample[2]!], reference);
    expect(digits.ok && digits.mrz.checks.find((c) => c.field === 'expiry')?.ok).toBe(false);
  });

  it('reads the domain sample with every check passing', () => {
    const r = parseTd1(sample, reference);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mrz.documentNumber).toBe('090012345');
    expect(r.mrz.personalId).toBe('001090012345');
    expect(r.mrz.birthDate).toEqual({ year: 1990, month: 1, day: 1, precision: 'day' });
    expect(r.mrz.expiry).toEqual({ year: 2050, month: 1, day: 1, precision: 'day' });
    expect(r.mrz.sex).toBe('Nam');
    expect(r.mrz.nameAscii).toBe('NGUYEN VAN A');
    expect(r.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(r.mrz.repairs).toEqual([]);
  });

  it('builds lines that parse back (round trip)', () => {
    const lines = buildTd1({
      personalId: '079305001234',
      birth: '050907',
      sex: 'F',
      expiry: '320907',
      surname: 'TRAN',
      givenNames: 'THI NGOC ANH',
    });
    const r = parseTd1(lines, reference);
    expect(r.ok && r.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(r.ok && r.mrz.personalId).toBe('079305001234');
    expect(r.ok && r.mrz.givenNames).toBe('THI NGOC ANH');
    expect(r.ok && r.mrz.sex).toBe('Nữ');
  });

  it('repairs O/0, I/1, B/8, S/5, Z/2 only where the check digit then passes', () => {
    const damaged = ['IDVNM09OO1Z345O0O1O9OO1Z345<<1', '9OO1O11M5OO1O13VNM<<<<<<<<<<<B', 'NGUYEN<<VAN<A'];
    const r = parseTd1(damaged, reference);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mrz.documentNumber).toBe('090012345');
    expect(r.mrz.personalId).toBe('001090012345');
    expect(r.mrz.birthDate?.year).toBe(1990);
    expect(r.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(r.mrz.repairs.length).toBeGreaterThanOrEqual(3);
  });

  it('does not "repair" a wrong digit: the check fails and the field is reported', () => {
    const wrong = ['IDVNM0900123460001090012345<<1', '9001021M5001013VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<A'];
    const r = parseTd1(wrong, reference);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mrz.checks.find((c) => c.field === 'documentNumber')?.ok).toBe(false);
    expect(r.mrz.checks.find((c) => c.field === 'birthDate')?.ok).toBe(false);
    expect(r.mrz.birthDate).toBeNull();
    expect(r.mrz.checks.find((c) => c.field === 'composite')?.ok).toBe(false);
  });

  it('tolerates OCR noise: spaces, lower case, « for <, lines among other text', () => {
    const r = parseTd1(
      [
        'Ngày, tháng, năm / Date, month, year: 15/08/2021',
        'IDVNM 090012345 0 001090012345 «< 1',
        '900101 1 M 500101 3 VNM <<<<<<<<<<< 8',
        'nguyen<<van<a',
      ],
      reference,
    );
    expect(r.ok && r.mrz.personalId).toBe('001090012345');
    expect(r.ok && r.mrz.surname).toBe('NGUYEN');
  });

  it('realigns a line read with a filler too few, and counts it realigned only when a checked digit moved', () => {
    expect(parseTd1(sample, reference)).toMatchObject({ ok: true, mrz: { realigned: [] } });
    // A filler lost: every checked field stands as read, the repair is said, the checks are as strong as read whole.
    const filler = parseTd1(['IDVNM0900123450001090012345<1', sample[1]!, sample[2]!], reference);
    expect(filler).toMatchObject({ ok: true, mrz: { personalId: '001090012345', realigned: [] } });
    expect(filler.ok && filler.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(filler.ok && filler.mrz.repairs.join(' ')).toMatch(/Dòng 1 của MRZ đọc thừa\/thiếu một ký tự/);
    // A digit read twice inside the document number: of the two deletions that pass its check, the one that makes
    // it the ID's last nine digits (which were read as they stand); the two copies agreeing, it is not weaker.
    const doubled = parseTd1(['IDVNM09001223450001090012345<<1', sample[1]!, sample[2]!], reference);
    expect(doubled).toMatchObject({ ok: true, mrz: { documentNumber: '090012345', realigned: [] } });
    // A letter read for a digit in the document number (tuning card 3031-15): its copies still agree, the line
    // stands as read, not rebuilt.
    const letter = parseTd1(['IDVNM09OO123450001090012345<<1', sample[1]!, sample[2]!], reference);
    expect(letter).toMatchObject({ ok: true, mrz: { documentNumber: '090012345', realigned: [] } });
    // A digit read twice inside the ID: its check passed only once one was taken out.
    const inId = parseTd1(['IDVNM09001234500010900123345<<1', sample[1]!, sample[2]!], reference);
    expect(inId).toMatchObject({ ok: true, mrz: { personalId: '001090012345', realigned: [1] } });
    // Line 2 alike: a chevron lost among its fillers, or a digit read twice in the birth date.
    const line2 = (l: string) => parseTd1([sample[0]!, l, sample[2]!], reference);
    const lost = sample[1]!.replace('<<', '<');
    expect(line2(lost)).toMatchObject({ ok: true, mrz: { realigned: [] } });
    expect(line2(`${sample[1]!.slice(0, 2)}${sample[1]!.slice(1)}`)).toMatchObject({
      ok: true,
      mrz: { realigned: [2] },
    });
  });

  it('finds line 1 by its issuing state when noise was read before the document code', () => {
    const r = parseTd1(
      ['I10VNM0900123450001090012345<<1', '9001011M5001013VNM<<<<<<<<<<<8', 'NGUYEN<<VAN<A'],
      reference,
    );
    expect(r.ok && r.mrz.personalId).toBe('001090012345');
    expect(r.ok && r.mrz.checks.every((c) => c.ok)).toBe(true);
  });

  it('never shifts the header to pass a check by luck, and rebuilds line 1 around its ID when read with characters too many', () => {
    // Read off a card: a digit doubled in the document number and a stray digit before the last check.
    const r = parseTd1(
      ['IDVNM16079883762045160798876<<39', '6011273F<<<<<<<VNM<<<<<<<<<<<4', 'LY<<THI<THU<HAO'],
      reference,
    );
    expect(r).toMatchObject({
      ok: true,
      mrz: { personalId: '045160798876', documentNumber: '160798876', realigned: [1] },
    });
    if (!r.ok) return;
    expect(r.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(r.mrz.lines[0]).toBe('IDVNM1607988762045160798876<<9');
    // The lines shown, parsed again (the MRZ panel), give the same checks.
    const again = parseTd1(r.mrz.lines, reference);
    expect(again.ok && again.mrz.checks).toEqual(r.mrz.checks);
  });

  it('reads a back whose header and fillers OCR read as other characters (tuning card 3031-1, a cluttered desk)', () => {
    // As read off the photo: "IDVNM" as "19VN8", the fillers as "c<" and "C<C<4<4…", the name line in noise.
    const r = parseTd1(
      ['19VN81978695788054197869578c<7', '9707173F3707171VNNC<C<4<4<<<<<<<<0', '99{4{<ŸWNI<THU<NGHNIC<4<4<{4<<<€<<<'],
      reference,
    );
    expect(r).toMatchObject({ ok: true, mrz: { personalId: '054197869578', sex: 'Nữ' } });
    if (!r.ok) return;
    expect(r.mrz.birthDate).toMatchObject({ day: 17, month: 7, year: 1997 });
    expect(r.mrz.expiry).toMatchObject({ day: 17, month: 7, year: 2037 });
    expect(r.mrz.checks.filter((c) => c.field !== 'composite').every((c) => c.ok)).toBe(true);
    expect(r.mrz.lines[0]).toBe('IDVNM1978695788054197869578<<7');
    expect(r.mrz.lines[1]).toBe('9707173F3707171VNN<<<<<<<<<<<0');
  });

  it('keeps a line 2 whose optional part holds characters when they pass more checks than fillers would', () => {
    const r = parseTd1([sample[0]!, '9001011M5001013VNM<<<<<<<<<<<8', sample[2]!], reference);
    expect(r.ok && r.mrz.checks.every((c) => c.ok)).toBe(true);
    // A line 2 of the wrong length, its data part short a digit: fillers do not make up for it.
    const short = parseTd1([sample[0]!, '900101M5001013VNM<<<<<<<<<<<8', sample[2]!], reference);
    expect(short.ok && short.mrz.birthDate).toBeNull();
  });

  it('takes each line from the reading whose checks on it pass (tuning card 3031-18: one reading had line 1, another line 2)', () => {
    const truth = [
      'IDVNM0793922048038079392204<<5',
      '7906019M3906011VNM<<<<<<<<<<<2',
      'DO<<DUC<THUY<<<<<<<<<<<<<<<<<<',
    ];
    const a = parseTd1([truth[0]!, '7906019M5906011VNM<<<<<<<<<<<2', truth[2]!], reference);
    const b = parseTd1(['IDVNM0793922048058079392204<<5', truth[1]!, truth[2]!], reference);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.mrz.checks.every((c) => c.ok)).toBe(false);
    expect(b.mrz.checks.every((c) => c.ok)).toBe(false);
    const both = combineTd1([a.mrz, b.mrz], reference);
    expect(both).toMatchObject({ ok: true, mrz: { personalId: '038079392204', sex: 'Nam' } });
    expect(both?.ok && both.mrz.checks.every((c) => c.ok)).toBe(true);
    expect(both?.ok && both.mrz.expiry).toMatchObject({ day: 1, month: 6, year: 2039 });
    // One reading alone is nothing to combine.
    expect(combineTd1([a.mrz], reference)).toBeNull();
  });

  it('takes the sex letter from another reading of the same line 2 when the kept one read it as no sex (tuning back 3031-18)', () => {
    const l1 = 'IDVNM0793922048038079392204<<5';
    const squeezed = parseTd1([l1, '7906019K3906011VNN<<<<<<<<<<<2', 'DO<<DUC<THUY'], reference);
    const block = parseTd1([l1, '7906019M3906011VNM<<<<<<<<<<<2', 'DO<<DUC<THUY'], reference);
    const otherDates = parseTd1([l1, '7906029M3906021VNM<<<<<<<<<<<2', 'DO<<DUC<THUY'], reference);
    if (!squeezed.ok || !block.ok || !otherDates.ok) throw new Error('not parsed');
    expect(squeezed.mrz.sex).toBeNull();
    expect(sexFromOthers(squeezed.mrz, [squeezed.mrz, block.mrz], reference)).toMatchObject({ sex: 'Nam' });
    // A reading whose checked dates differ is another line: nothing taken from it.
    expect(sexFromOthers(squeezed.mrz, [otherDates.mrz], reference).sex).toBeNull();
  });

  it('names a passport (TD3) instead of failing silently', () => {
    const r = parseTd1([
      'P<VNMNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'C1234567<8VNM9001011M3001013001090012345<<<<50',
    ]);
    expect(r).toEqual({ ok: false, reason: { key: 'mrz.passportPage' } });
    if (!r.ok) expect(t('vi', r.reason.key)).toContain('Đây là trang hộ chiếu (MRZ 2 dòng), không phải thẻ căn cước.');
  });

  it('says when there is no MRZ', () => {
    const r = parseTd1(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(r.ok).toBe(false);
  });

  it('spells names the MRZ way', () => {
    expect(mrzName('Đỗ Thị Ngọc Ánh')).toBe('DO THI NGOC ANH');
  });
});

describe('parseMrz (a passport photographed instead of the card)', () => {
  it('reads the ICAO sample passport with every check passing', () => {
    const r = parseMrz(
      ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
      reference,
    );
    expect(r).toMatchObject({
      ok: true,
      mrz: {
        format: 'td3',
        documentNumber: 'L898902C3',
        sex: 'Nữ',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        personalId: null,
      },
    });
    expect(r.ok && r.mrz.checks.every((c) => c.ok)).toBe(true);
  });

  it('takes a Vietnamese passport’s personal number as the ID; a wrong digit fails its check', () => {
    const lines = buildTd3({
      number: 'C1234567',
      birth: '900101',
      sex: 'M',
      expiry: '300101',
      personalId: '001090012345',
      surname: 'NGUYEN',
      givenNames: 'VAN AN',
    });
    const r = parseMrz(['HỘ CHIẾU / PASSPORT', ...lines], reference);
    expect(r).toMatchObject({
      ok: true,
      mrz: {
        format: 'td3',
        personalId: '001090012345',
        birthDate: { year: 1990, month: 1, day: 1 },
        nameAscii: 'NGUYEN VAN AN',
        lines,
      },
    });
    const wrong = parseMrz([lines[0], lines[1].replace('001090012345', '001090012346')], reference);
    expect(wrong.ok && wrong.mrz.personalId).toBeNull();
    expect(wrong.ok && wrong.mrz.checks.filter((c) => !c.ok).map((c) => c.field)).toEqual(['personalId', 'composite']);
  });

  it('reads the card’s three lines as parseTd1 does', () => {
    expect(parseMrz(sample, reference)).toEqual(parseTd1(sample, reference));
  });
});

import { describe, expect, it } from 'vitest';
import { dateOf, personalIdOf, readCard, type OcrLine } from '../../../utils/capture/card-fields';
import { buildTd1 } from '../../../utils/capture/mrz';

let y = 0;
function line(text: string, x = 290, words?: Array<[string, number]>): OcrLine {
  y += 36;
  // Labels (ending in a colon) are printed smaller than values.
  const height = text.endsWith(':') ? 18 : 28;
  const bbox = { x0: words ? Math.min(...words.map((w) => w[1])) : x, y0: y, x1: 980, y1: y + height };
  return {
    text,
    confidence: 92,
    bbox,
    ...(words
      ? {
          words: words.map(([t, wx]) => ({ text: t, bbox: { x0: wx, y0: y, x1: wx + t.length * 12, y1: y + height } })),
        }
      : {}),
  };
}

describe('readCard', () => {
  it('reads the 2021 front by its labels, values inline and below, columns kept apart', () => {
    y = 0;
    const r = readCard(
      [
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
        line('CĂN CƯỚC CÔNG DÂN'),
        line('s6/Ns: O48096036612'),
        line('Họ và tên / Full name:'),
        line('ĐỖ ĐỨC DŨNG'),
        line('Ngày sinh / Date of birth 25/07/1996'),
        line('Giới tính / Sex Nam Quốc tịch / Nationality: Việt Nam'),
        line('Quê quán / Place of origin:'),
        line('Hàng Bạc, Hoàn Kiếm, Hà Nội'),
        line('Có giá trị đến: Nơi thường trú / Place of residence:', 40, [
          ['Có', 40],
          ['giá', 80],
          ['trị', 120],
          ['đến:', 160],
          ['Nơi', 290],
          ['thường', 340],
          ['trú', 420],
          ['/', 460],
          ['Place', 480],
          ['of', 550],
          ['residence:', 580],
        ]),
        line('25/07/2036 Số 141 Phan Đình Phùng, Xã Yên Thường,', 40, [
          ['25/07/2036', 40],
          ['Số', 290],
          ['141', 330],
          ['Phan', 380],
          ['Đình', 440],
          ['Phùng,', 500],
          ['Xã', 580],
          ['Yên', 620],
          ['Thường,', 670],
        ]),
        line('Huyện Gia Lâm, Hà Nội'),
      ],
      1000,
    );
    expect(r.side).toBe('front');
    expect(r.model).toBe('2021');
    expect(personalIdOf(r.fields.personalId!.text)).toBe('048096036612');
    expect(r.fields.fullName?.text).toBe('ĐỖ ĐỨC DŨNG');
    expect(r.fields.birthDate?.text).toBe('25/07/1996');
    expect(r.fields.sex?.text).toBe('Nam');
    expect(r.fields.nationality?.text).toBe('Việt Nam');
    expect(r.fields.hometown?.text).toBe('Hàng Bạc, Hoàn Kiếm, Hà Nội');
    expect(r.fields.residence?.text).toBe('Số 141 Phan Đình Phùng, Xã Yên Thường, Huyện Gia Lâm, Hà Nội');
    expect(r.fields.expiry?.text).toBe('25/07/2036');
  });

  it('reads the 2024 back: residence, place of birth, issue and expiry side by side, and the MRZ', () => {
    y = 0;
    const mrz = buildTd1({
      personalId: '058054632155',
      birth: '540227',
      sex: 'M',
      expiry: '<<<<<<',
      surname: 'DAO',
      givenNames: 'QUOC DANG',
    });
    const r = readCard(
      [
        line('Nơi cư trú / Place of residence:', 40),
        line('Số nhà 88 Lý Thường Kiệt, Phường Lê Lợi, Thành phố Quy', 40),
        line('Nhơn, Bình Định', 40),
        line('Nơi đăng ký khai sinh / Place of birth:', 40),
        line('Quy Nhơn, Bình Định', 40),
        line('Ngày, tháng, năm cấp / Date of issue: Ngày, tháng, năm hết hạn / Date of expiry:', 40),
        line('20/11/2025 Không thời hạn', 40),
        line('BỘ CÔNG AN', 40),
        ...mrz.map((m) => line(m, 40)),
      ],
      1000,
    );
    expect(r.side).toBe('back');
    expect(r.model).toBe('2024');
    expect(r.fields.residence?.text).toBe('Số nhà 88 Lý Thường Kiệt, Phường Lê Lợi, Thành phố Quy Nhơn, Bình Định');
    expect(r.fields.placeOfBirth?.text).toBe('Quy Nhơn, Bình Định');
    expect(dateOf(r.fields.issueDate!.text)).toEqual({ year: 2025, month: 11, day: 20, precision: 'day' });
    expect(r.fields.expiry?.text).toMatch(/Không thời hạn/);
    expect(r.mrz?.ok && r.mrz.mrz.personalId).toBe('058054632155');
  });

  it('tells the card model by the QR corner when the text cannot, and reads values by their place on it', () => {
    y = 0;
    const at = (text: string, yFrac: number, x = 40): OcrLine => ({
      text,
      confidence: 90,
      bbox: { x0: x, y0: yFrac * 631 - 12, x1: 900, y1: yFrac * 631 + 12 },
    });
    const mrz = buildTd1({
      personalId: '093152888712',
      birth: '520714',
      sex: 'F',
      expiry: '<<<<<<',
      surname: 'NGO',
      givenNames: 'THI NGOC DUNG',
    });
    const lines = [at('Ngav thng nm Dte mnth yr 06/12/2022', 0.23), ...mrz.map((m, i) => at(m, 0.76 + i * 0.09))];
    expect(readCard(lines, 1000, 631).model).toBeNull();
    const r = readCard(lines, 1000, 631, { qrCorner: false });
    expect(r.model).toBe('2021');
    expect(dateOf(r.fields.issueDate!.text)).toEqual({ year: 2022, month: 12, day: 6, precision: 'day' });
    expect(readCard(lines, 1000, 631, { qrCorner: true }).model).toBe('2024');
  });

  it('takes the back’s one printed date as its issue date when OCR read it before its label (tuning back 3031-5)', () => {
    y = 0;
    const mrz = buildTd1({
      personalId: '075094844925',
      birth: '940328',
      sex: 'M',
      expiry: '340328',
      surname: 'MAI',
      givenNames: 'QUOC ANH',
    });
    const back = [
      line('Đặc điểm nhân dạng | Persona\\dentification: F |'),
      line('Wết ruồi C:1cm trên sau đầu mày phải'),
      line('25/01/2024'),
      line('Ngày, thắng, năm J Date, month, year:'),
      line('CỤC TRƯỜNG CỤC CÀNH SÁT'),
      ...mrz.map((m) => line(m)),
    ];
    const r = readCard(back, 1000, 631);
    expect(r.side).toBe('back');
    expect(r.fields.issueDate?.text).toBe('25/01/2024');
    // Two different dates and no label to tell them: neither is taken.
    const two = readCard([...back.slice(0, 3), line('12/02/2030'), ...back.slice(3)], 1000, 631);
    expect(two.fields.issueDate).toBeUndefined();
  });

  it('passes over specks OCR read between the lines of an address', () => {
    y = 0;
    const r = readCard(
      [
        line('CĂN CƯỚC CÔNG DÂN'),
        line('Họ và tên / Full name:'),
        line('NGÔ ĐỨC DŨNG'),
        line('Nơi thường trú / Place of residence:'),
        line('Số 3 Trần Hưng Đạo, Xã Thạch Hòa, Huyện'),
        line('” ` MAi'),
        line('Thạch Thất, Hà Nội'),
      ],
      1000,
    );
    expect(r.fields.residence?.text).toBe('Số 3 Trần Hưng Đạo, Xã Thạch Hòa, Huyện Thạch Thất, Hà Nội');
    // Specks the value's column shares with another column's line ("21/10/2027 ˆ . .") do not end it either.
    y = 0;
    const beside = readCard(
      [
        line('CĂN CƯỚC CÔNG DÂN'),
        line('Họ và tên / Full name:'),
        line('LÊ VĂN AN'),
        line('Nơi thường trú / Place of residence:'),
        line('Số 55 Hoàng Diệu, Xã Yên Thường, Huyện Gia'),
        line('21/10/2027 ˆ . .', 37, [
          ['21/10/2027', 37],
          ['ˆ', 300],
          ['.', 330],
          ['.', 360],
        ]),
        line('Lâm, Hà Nội'),
      ],
      1000,
    );
    expect(beside.fields.residence?.text).toBe('Số 55 Hoàng Diệu, Xã Yên Thường, Huyện Gia Lâm, Hà Nội');
    // A short word of the address on its own line is no speck.
    y = 0;
    const short = readCard(
      [
        line('CĂN CƯỚC CÔNG DÂN'),
        line('Họ và tên / Full name:'),
        line('LÊ VĂN AN'),
        line('Nơi thường trú / Place of residence:'),
        line('Số 83 Hoàng Diệu, Xã Yên Thường, Huyện Gia Lâm, Hà'),
        line('Nội'),
      ],
      1000,
    );
    expect(short.fields.residence?.text).toBe('Số 83 Hoàng Diệu, Xã Yên Thường, Huyện Gia Lâm, Hà Nội');
  });

  it('ends a hometown where a house number begins: the residence below, its label unread, is not taken in', () => {
    // card-2026-7 of the tuning set: "Nơi thường trú" went unread and its value ran into Quê quán.
    y = 0;
    const r = readCard(
      [
        line('CĂN CƯỚC CÔNG DÂN'),
        line('Họ và tên / Full name:'),
        line('NGÔ ĐỨC DŨNG'),
        line('Quê quán / Place of origin:'),
        line('Trường Thi, Vinh, Nghệ An'),
        line('Số nhà 16 Hoàng Diệu, Phường Phú Hội, Thành phố Huế'),
      ],
      1000,
    );
    expect(r.fields.hometown?.text).toBe('Trường Thi, Vinh, Nghệ An');
    // Nor is a residence line the whole hometown when the hometown's own line went unread (card-2026-2).
    y = 0;
    const only = readCard(
      [
        line('CĂN CƯỚC CÔNG DÂN'),
        line('Họ và tên / Full name:'),
        line('TÔ QUỐC DIỆU'),
        line('Quê quán / Place of origin:'),
        line('7 Số nhà 162 Lạc Long Quân, Phường Hàng Bạc, Quận'),
      ],
      1000,
    );
    expect(only.fields.hometown).toBeUndefined();
    // A ward's number is no house number: "Bến Nghé, 1, TP. Hồ Chí Minh" wraps as "1, TP. Hồ Chí Minh".
    y = 0;
    const wrapped = readCard(
      [line('CĂN CƯỚC CÔNG DÂN'), line('Quê quán / Place of origin:'), line('Bến Nghé,'), line('1, TP. Hồ Chí Minh')],
      1000,
    );
    expect(wrapped.fields.hometown?.text).toBe('Bến Nghé, 1, TP. Hồ Chí Minh');
  });

  it('says when it cannot tell the side', () => {
    expect(readCard([line('Lorem ipsum')], 1000).warnings[0]).toMatch(/mặt trước hay mặt sau/);
  });
});

describe('number and date shapes', () => {
  it.each([
    ['Số / No.: 001090012345', '001090012345'],
    ['s6/Ns: O48096036612', '048096036612'],
    ['001 090 012345', null],
    ['0010900 12345', '001090012345'],
    ['Số điện thoại 0912345678', null],
  ])('%s → %s', (text, id) => expect(personalIdOf(text)).toBe(id));

  it('takes the last date for an expiry printed after the issue date', () => {
    expect(dateOf('29/05/2025 14/12/2038', 'last')).toEqual({ year: 2038, month: 12, day: 14, precision: 'day' });
  });

  it('reads dd/mm/yyyy with O for 0 and refuses impossible dates', () => {
    expect(dateOf('Ngày sinh: 3O/O4/199O')).toEqual({ year: 1990, month: 4, day: 30, precision: 'day' });
    expect(dateOf('31/02/1990')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sayQr } from '../../../utils/capture/explain';
import { buildCitizenQr, classifyQr, parseTlv } from '../../../utils/capture/qr-payload';
import { translator } from '../../../utils/i18n';

const sample = '001090012345|123456789|Nguyễn Văn A|01011990|Nam|Số 1 phố X, Phường Y, Quận Z, Hà Nội|15082021';

describe('classifyQr', () => {
  it('reads the 2021 ID card payload by position', () => {
    const r = classifyQr(sample);
    expect(r.kind).toBe('citizen-id');
    if (r.kind !== 'citizen-id') return;
    expect(r.card).toMatchObject({
      personalId: '001090012345',
      oldId: '123456789',
      fullName: 'Nguyễn Văn A',
      birthDate: { year: 1990, month: 1, day: 1 },
      sex: 'Nam',
      residence: 'Số 1 phố X, Phường Y, Quận Z, Hà Nội',
      issueDate: { year: 2021, month: 8, day: 15 },
      extra: [],
      warnings: [],
    });
  });

  it('keeps the 2024 card extra fields and an empty old ID', () => {
    const r = classifyQr(`${sample.replace('123456789', '')}|079090000001|079095000002`);
    expect(r.kind === 'citizen-id' && r.card.oldId).toBeNull();
    expect(r.kind === 'citizen-id' && r.card.extra).toEqual(['079090000001', '079095000002']);
  });

  it('normalises NFD to NFC', () => {
    const r = classifyQr(sample.normalize('NFD'));
    expect(r.kind === 'citizen-id' && r.card.fullName).toBe('Nguyễn Văn A');
  });

  it('keeps what it can from a short or damaged payload and says what is missing', () => {
    const r = classifyQr('001090012345||Nguyễn Văn A|3101199|Nữ');
    expect(r.kind).toBe('citizen-id');
    if (r.kind !== 'citizen-id') return;
    expect(r.card.fullName).toBe('Nguyễn Văn A');
    expect(r.card.sex).toBe('Nữ');
    expect(r.card.birthDate).toBeNull();
    expect(r.card.warnings.join(' ')).toMatch(/Ngày sinh.*không đọc được/);
    expect(r.card.warnings.join(' ')).toMatch(/5 trường/);
  });

  it('names a VietQR payment code with its bank and account', () => {
    const account = '0006970436' + '0110' + '0123456789';
    const merchant = `0010A000000727${`01${String(account.length).padStart(2, '0')}${account}`}0208QRIBFTTA`;
    const text = `000201010212${`38${String(merchant.length).padStart(2, '0')}${merchant}`}5303704540450005802VN5910NGUYEN VAN6304ABCD`;
    expect(parseTlv(text)?.get('58')).toBe('VN');
    const r = classifyQr(text);
    expect(r).toMatchObject({ kind: 'vietqr', bank: '970436', account: '0123456789', amount: '5000' });
    expect(r).toMatchObject({
      message: { key: 'qr.vietqr', params: { bank: '970436', account: '0123456789', name: 'NGUYEN VAN' } },
    });
    if (r.kind !== 'citizen-id')
      expect(sayQr(r.message, translator('vi'))).toBe(
        'Đây là mã QR chuyển khoản VietQR (ngân hàng 970436, tài khoản 0123456789, NGUYEN VAN), không phải mã QR thẻ căn cước.',
      );
    expect(sayQr({ key: 'qr.vietqr' }, translator('vi'))).toBe(
      'Đây là mã QR chuyển khoản VietQR, không phải mã QR thẻ căn cước.',
    );
  });

  it('names a health-insurance card and decodes its hex name', () => {
    const hex = Buffer.from('Lê Thị Bình', 'utf8').toString('hex');
    const r = classifyQr(`GD4797924563412|${hex}|12/05/1990|2|`);
    expect(r).toMatchObject({ kind: 'health-insurance', cardNumber: 'GD4797924563412', fullName: 'Lê Thị Bình' });
    if (r.kind !== 'citizen-id')
      expect(sayQr(r.message, translator('vi'))).toBe(
        'Đây là mã QR thẻ bảo hiểm y tế (mã thẻ GD4797924563412, Lê Thị Bình), không phải mã QR thẻ căn cước.',
      );
  });

  it('names a URL without opening it', () => {
    const r = classifyQr('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    expect(r).toMatchObject({ kind: 'url' });
    expect(r).toMatchObject({ message: { key: 'qr.url', params: { host: 'dichvucong.gov.vn' } } });
    if (r.kind === 'url')
      expect(sayQr(r.message, translator('vi'))).toBe(
        'Đây là mã QR đường dẫn web (dichvucong.gov.vn), không phải mã QR thẻ căn cước. motcua không mở đường dẫn này.',
      );
  });

  it('says why a near-miss is not an ID card code', () => {
    expect(classifyQr('1090012345|...|x').kind).toBe('unknown');
    expect(classifyQr('1090012345|...|x')).toMatchObject({ message: { key: 'qr.shortId', params: { count: 10 } } });
    expect(classifyQr('hello')).toMatchObject({ kind: 'unknown' });
    expect(classifyQr('   ')).toMatchObject({ kind: 'unknown', message: { key: 'qr.empty' } });
  });

  it('round-trips the builder', () => {
    const text = buildCitizenQr({
      personalId: '038305001234',
      fullName: 'Lò Thị Ễnh',
      birth: '29022004',
      sex: 'Nữ',
      residence: 'Bản Mạ, Sơn La',
      issue: '01072024',
    });
    const r = classifyQr(text);
    expect(r.kind === 'citizen-id' && r.card.birthDate).toEqual({ year: 2004, month: 2, day: 29, precision: 'day' });
  });
});

import { describe, expect, it } from 'vitest';
import { acceptedExtensions, jpegToPdf, rowMatchesPaper } from '@/utils/autofill/attach';

describe('papers to the dossier', () => {
  it('reads what a file row accepts', () => {
    expect(acceptedExtensions('.pdf')).toEqual(['pdf']);
    expect(acceptedExtensions('.pdf,.jpg,.jpeg,.png')).toEqual(['pdf', 'jpg', 'png']);
    expect(acceptedExtensions('image/*')).toEqual(['jpg', 'png', 'webp']);
    expect(acceptedExtensions('')).toBeNull();
  });

  it('matches a row to its paper, ignoring the paper’s parenthesised notes', () => {
    expect(rowMatchesPaper('Giấy chứng sinh', 'Giấy chứng sinh (hoặc văn bản của người làm chứng)')).toBe(true);
    expect(rowMatchesPaper('GIẤY TỜ TÙY THÂN CỦA NGƯỜI YÊU CẦU', 'Giấy tờ tùy thân của người yêu cầu')).toBe(true);
    expect(rowMatchesPaper('Tờ khai đăng ký khai sinh', 'Giấy chứng sinh')).toBe(false);
  });

  it('wraps a JPEG into a one-page PDF whose cross-reference table points at its objects', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const pdf = jpegToPdf(jpeg, 1000, 1400);
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(text.match(/startxref\n(\d+)/)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    for (const [i, o] of offsets.entries()) expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`);
    // Fitted to A4 keeping the aspect ratio.
    expect(text).toContain('/MediaBox [0 0 595 833]');
    expect(text).toContain('/Length 9 >>');
  });
});

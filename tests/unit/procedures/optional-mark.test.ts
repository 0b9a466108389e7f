import { describe, expect, it } from 'vitest';
import { needsOptionalMark, procedures } from '@/utils/procedures/catalogue';

describe('"(nếu có)" after an optional paper', () => {
  it.each([
    [{ name: 'Giấy chứng nhận kết hôn của cha mẹ', required: false }, true],
    [{ name: 'Giấy chứng nhận kết hôn của cha mẹ (nếu có)', required: false }, false],
    // Its condition already says when it is needed: "(…) (nếu có)" said it twice.
    [{ name: 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi thường trú)', required: false }, false],
    [{ name: 'Tờ khai đăng ký khai sinh', required: true }, false],
  ])('%o → %s', (paper, mark) => {
    expect(needsOptionalMark(paper)).toBe(mark);
  });

  it('no paper of the catalogue would read "(nếu …) (nếu có)"', () => {
    for (const p of procedures.flatMap((x) => x.papers)) {
      const shown = needsOptionalMark(p) ? `${p.name} (nếu có)` : p.name;
      expect(shown).not.toMatch(/\(n[ếe]u[^)]*\)\s*\(nếu có\)/i);
    }
  });
});

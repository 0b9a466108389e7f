import { describe, expect, it } from 'vitest';
import { repairWedge, undoMojibake } from '../../../utils/capture/wedge';

const payload =
  '001090012345|123456789|Nguyễn Thị Ánh|01011990|Nữ|Số 1 phố Hàng Đào, Phường Hoàn Kiếm, Hà Nội|15082021';

function asCp1252(text: string): string {
  const table = new Map<number, string>([
    [0x80, '€'],
    [0x82, '‚'],
    [0x83, 'ƒ'],
    [0x84, '„'],
    [0x85, '…'],
    [0x86, '†'],
    [0x87, '‡'],
    [0x88, 'ˆ'],
    [0x89, '‰'],
    [0x8a, 'Š'],
    [0x8b, '‹'],
    [0x8c, 'Œ'],
    [0x8e, 'Ž'],
    [0x91, '‘'],
    [0x92, '’'],
    [0x93, '“'],
    [0x94, '”'],
    [0x95, '•'],
    [0x96, '–'],
    [0x97, '—'],
    [0x98, '˜'],
    [0x99, '™'],
    [0x9a, 'š'],
    [0x9b, '›'],
    [0x9c, 'œ'],
    [0x9e, 'ž'],
    [0x9f, 'Ÿ'],
  ]);
  return [...new TextEncoder().encode(text)].map((b) => table.get(b) ?? String.fromCharCode(b)).join('');
}

describe('repairWedge', () => {
  it('passes a clean payload through', () => {
    expect(repairWedge(`${payload}\r\n`)).toEqual({ text: payload, repairs: [], diacriticsLost: false });
  });

  it('undoes UTF-8 typed as Windows-1252', () => {
    const mangled = asCp1252(payload);
    expect(mangled).toContain('Nguyá»…n');
    const r = repairWedge(mangled);
    expect(r.text).toBe(payload);
    expect(r.repairs.join(' ')).toMatch(/Windows-1252/);
  });

  it('undoes the AZERTY digit row in the numeric fields only', () => {
    const azerty = payload.replace(/\d/g, (d) => '&é"\'(-è_çà'['1234567890'.indexOf(d)]!);
    const r = repairWedge(azerty.replace('Số (', 'Số 1'));
    expect(r.text.split('|').slice(0, 4)).toEqual(['001090012345', '123456789', 'Nguyễn Thị Ánh', '01011990']);
    expect(r.repairs.join(' ')).toMatch(/AZERTY/);
  });

  it('normalises NFD and flags a name whose diacritics the scanner dropped', () => {
    expect(repairWedge(payload.normalize('NFD')).text).toBe(payload);
    expect(repairWedge('001090012345||Nguyen Thi Anh|01011990|Nu|Ha Noi|15082021').diacriticsLost).toBe(true);
  });

  it('leaves plain Latin-1 text alone when it is not mojibake', () => {
    expect(undoMojibake('café')).toBeNull();
    expect(undoMojibake('abc')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@/utils/calendar/calendar';
import {
  addEntry,
  entriesOf,
  entryFromForm,
  removeEntry,
  type HolidayEntry,
  type HolidayForm,
} from '@/utils/calendar/edit';
import { bundledHolidayRules } from '@/utils/calendar/store';

const entry = (form: HolidayForm) => entryFromForm(form) as HolidayEntry;

describe('editing the holidays in a form', () => {
  it.each([
    [{ kind: 'solar', when: '2/9', name: 'Quốc khánh' }, 'holidays.edit.exists'],
    [{ kind: 'solar', when: '31/04', name: 'X' }, 'holidays.edit.noSuchDay'],
    [{ kind: 'solar', when: '30/4/2027', name: 'X' }, 'holidays.edit.dayMonth'],
    [{ kind: 'lunar', when: '10/03', name: 'Giỗ Tổ' }, 'holidays.edit.exists'],
    [{ kind: 'lunar', when: '31/01', name: 'X' }, 'holidays.edit.noSuchDay'],
    [{ kind: 'dayOff', when: '30/02/2027', name: 'X' }, 'holidays.edit.date'],
    [{ kind: 'dayOff', when: '02/05/2027', name: '' }, 'holidays.edit.nameMissing'],
  ] as const)('%j is refused: %s', (form, message) => {
    const made = entryFromForm(form);
    const result = 'kind' in made ? addEntry(bundledHolidayRules(), made) : { ok: false, ...made };
    expect(result).toMatchObject({ ok: false, message });
  });

  it('adds a day, a lunar day, a day in lieu and a Saturday worked, and the calendar follows', () => {
    let rules = bundledHolidayRules();
    for (const form of [
      { kind: 'solar', when: '20/11', name: 'Ngày Nhà giáo' },
      { kind: 'lunar', when: '15/8', name: 'Tết Trung thu' },
      { kind: 'dayOff', when: '02/01/2027', name: 'Nghỉ theo quyết định của Thủ tướng' },
      { kind: 'inLieu', when: '03/05/2027', of: 'Ngày Chiến thắng', name: 'Ngày Chiến thắng' },
      { kind: 'workingDay', when: '08/05/2027', name: '' },
    ] as HolidayForm[]) {
      const result = addEntry(rules, entry(form));
      expect(result.ok, form.kind).toBe(true);
      if (result.ok) rules = result.rules;
    }
    const calendar = new WorkCalendar(rules);
    expect(calendar.holiday('2027-11-20')).toBe('Ngày Nhà giáo');
    // 15/8 âm lịch 2027 is 15/09/2027.
    expect(calendar.holiday('2027-09-15')).toBe('Tết Trung thu');
    expect(calendar.holiday('2027-01-02')).toBe('Nghỉ theo quyết định của Thủ tướng');
    expect(calendar.holiday('2027-05-03')).toBe('Nghỉ bù Ngày Chiến thắng');
    expect(calendar.isWorkingDay('2027-05-08')).toBe(true);
    expect(entriesOf(rules).filter((e) => e.kind === 'inLieu')).toEqual([
      { kind: 'inLieu', date: '2027-05-03', of: 'Ngày Chiến thắng' },
    ]);
    const without = removeEntry(rules, { kind: 'workingDay', date: '2027-05-08' });
    expect(new WorkCalendar(without).isWorkingDay('2027-05-08')).toBe(false);
  });

  it('takes "cuối" for the last day of the lunar year', () => {
    expect(entryFromForm({ kind: 'lunar', when: 'cuối năm', name: 'Tất niên' })).toEqual({
      kind: 'lunar',
      day: 'last',
      month: 12,
      name: 'Tất niên',
    });
  });
});

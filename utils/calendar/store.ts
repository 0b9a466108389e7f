import { storage } from 'wxt/utils/storage';
import holidaysData from '@/utils/calendar/holidays.json';
import { parseHolidayRules, WorkCalendar, type HolidayRules } from '@/utils/calendar/calendar';

/**
 * The holiday rules in force: the ones a supervisor loaded on the settings page (each year's government
 * decisions), else the ones shipped with motcua.
 */
export const holidayRulesItem = storage.defineItem<HolidayRules | null>('local:holidayRules', { fallback: null });

export const bundledHolidayRules = () => parseHolidayRules(holidaysData);

export async function currentCalendar(): Promise<WorkCalendar> {
  const stored = await holidayRulesItem.getValue().catch(() => null);
  if (stored) {
    try {
      return new WorkCalendar(parseHolidayRules(stored));
    } catch {
      // A stored file that no longer validates: the shipped rules, rather than no calendar.
    }
  }
  return new WorkCalendar(bundledHolidayRules());
}

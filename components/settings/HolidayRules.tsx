import { useEffect, useState } from 'react';
import { download } from '@/components/pages/download';
import { addDays, parseHolidayRules, WorkCalendar, type HolidayRules } from '@/utils/calendar/calendar';
import { bundledHolidayRules, holidayRulesItem } from '@/utils/calendar/store';
import { translator, type Language } from '@/utils/i18n';

/**
 * The holiday rules the due dates follow: shipped with motcua, replaceable by a file the supervisor edits
 * (each year's government decisions: days swapped, Saturdays worked). The year's days off are listed, so a
 * wrong file shows at once.
 */
export function HolidayRulesField({ language }: { language: Language }) {
  const t = translator(language);
  const [stored, setStored] = useState<HolidayRules | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => void holidayRulesItem.getValue().then(setStored), []);
  const rules = stored ?? bundledHolidayRules();
  const year = new Date().getFullYear();
  const calendar = new WorkCalendar(rules);
  const daysOff: Array<[string, string]> = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const name = calendar.holiday(day);
    if (name) daysOff.push([day, name]);
  }
  const load = async (file: File) => {
    try {
      const parsed = parseHolidayRules(JSON.parse(await file.text()));
      await holidayRulesItem.setValue(parsed);
      setStored(parsed);
      setMessage({ kind: 'ok', text: t('holidays.loaded') });
    } catch (e) {
      const detail = e instanceof Error && 'issues' in e ? (e as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : t('holidays.notJson');
      setMessage({ kind: 'error', text: t('holidays.invalid', { detail }) });
    }
  };
  return (
    <section aria-label={t('holidays.title')}>
      <h2>{t('holidays.title')}</h2>
      <p>{stored ? t('holidays.custom') : t('holidays.bundled')}</p>
      <label htmlFor="holiday-file">{t('holidays.file')}</label>
      <input id="holiday-file" type="file" accept=".json,application/json" onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])} />
      <p>
        <button type="button" onClick={() => download(new TextEncoder().encode(JSON.stringify(rules, null, 2)) as Uint8Array<ArrayBuffer>, 'lich-nghi-le.json', 'application/json')}>{t('holidays.download')}</button>{' '}
        {stored && <button type="button" onClick={() => void holidayRulesItem.setValue(null).then(() => setStored(null))}>{t('holidays.reset')}</button>}
      </p>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <details>
        <summary>{t('holidays.list', { year })}</summary>
        <ul data-testid="holiday-list">{daysOff.map(([day, name]) => <li key={day}>{day.split('-').reverse().join('/')}: {name}</li>)}</ul>
      </details>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { download } from '@/components/pages/download';
import { addDays, parseHolidayRules, WorkCalendar, type HolidayRules } from '@/utils/calendar/calendar';
import {
  addEntry,
  describeEntry,
  entriesOf,
  entryFromForm,
  removeEntry,
  type HolidayEntry,
  type HolidayEntryKind,
} from '@/utils/calendar/edit';
import { bundledHolidayRules, holidayRulesItem } from '@/utils/calendar/store';
import { translator, type Language } from '@/utils/i18n';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The holiday rules the due dates follow: shipped with motcua, edited here day by day (a day, a lunar day, a day
 * off in lieu, a weekend day worked) or replaced by a file. The year's days off are listed, so a mistake shows.
 */
export function HolidayRulesField({ language }: { language: Language }) {
  const t = translator(language);
  const [stored, setStored] = useState<HolidayRules | null>(null);
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => void holidayRulesItem.getValue().then(setStored), []);
  // What the last change made, before its write lands: a second change made meanwhile builds on it, not on the
  // rules as they were (two days added quickly kept only the second), and the writes land in the order made.
  const pending = useRef<{ rules: HolidayRules | null; written: Promise<unknown> } | null>(null);
  const rulesNow = () => (pending.current ? pending.current.rules : stored) ?? bundledHolidayRules();
  const rules = rulesNow();
  const save = async (next: HolidayRules | null, text: string) => {
    const written = (pending.current?.written ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => holidayRulesItem.setValue(next));
    const mine = { rules: next, written };
    pending.current = mine;
    await written;
    if (pending.current === mine) pending.current = null;
    setStored(next);
    setMessage({ kind: 'ok', text });
  };
  const say = (entry: HolidayEntry) => {
    const d = describeEntry(entry);
    return t(d.message, d.params);
  };
  return (
    <section aria-labelledby="holidays-title">
      <h2 id="holidays-title">{t('holidays.title')}</h2>
      <p>{stored ? t('holidays.custom') : t('holidays.bundled')}</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={rules.compensate}
          onChange={(e) => void save({ ...rulesNow(), compensate: e.target.checked }, t('settings.saved'))}
        />{' '}
        {t('holidays.edit.compensate')}
      </label>
      <h3>{t('holidays.edit.rules')}</h3>
      <ul data-testid="holiday-rules">
        {entriesOf(rules).map((entry) => (
          <li key={JSON.stringify(entry)}>
            {say(entry)}{' '}
            <button
              type="button"
              aria-label={`${t('holidays.edit.remove')}: ${say(entry)}`}
              onClick={() =>
                void save(removeEntry(rulesNow(), entry), t('holidays.edit.removed', { entry: say(entry) }))
              }
            >
              {t('holidays.edit.remove')}
            </button>
          </li>
        ))}
      </ul>
      <HolidayAdder
        language={language}
        onAdd={(entry) => {
          const result = addEntry(rulesNow(), entry);
          if (!result.ok) return setMessage({ kind: 'error', text: t(result.message, result.params) });
          void save(result.rules, t('holidays.edit.added', { entry: say(entry) }));
        }}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <HolidayFile
        language={language}
        rules={rules}
        custom={stored !== null}
        onLoaded={(next) => void save(next, t('holidays.loaded'))}
        onReset={() => void save(null, t('settings.saved'))}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      <YearDaysOff language={language} rules={rules} />
    </section>
  );
}

const kinds: HolidayEntryKind[] = ['solar', 'lunar', 'dayOff', 'inLieu', 'workingDay'];

function HolidayAdder({
  language,
  onAdd,
  onError,
}: {
  language: Language;
  onAdd: (entry: HolidayEntry) => void;
  onError: (text: string) => void;
}) {
  const t = translator(language);
  const [kind, setKind] = useState<HolidayEntryKind>('solar');
  const [when, setWhen] = useState('');
  const [name, setName] = useState('');
  const hint =
    kind === 'solar'
      ? 'holidays.edit.when.hint.solar'
      : kind === 'lunar'
        ? 'holidays.edit.when.hint.lunar'
        : 'holidays.edit.when.hint.dated';
  const add = () => {
    const made = entryFromForm({ kind, when, name });
    if (!('kind' in made)) return onError(t(made.message, made.params));
    onAdd(made);
    setWhen('');
    setName('');
  };
  return (
    <fieldset>
      <legend>{t('holidays.edit.title')}</legend>
      <label htmlFor="holiday-kind">{t('holidays.edit.kind')}</label>
      <select id="holiday-kind" value={kind} onChange={(e) => setKind(e.target.value as HolidayEntryKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`holidays.edit.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="holiday-when">{t('holidays.edit.when')}</label>
      <input
        id="holiday-when"
        value={when}
        aria-describedby="holiday-when-hint"
        onChange={(e) => setWhen(e.target.value)}
      />
      <p className="hint" id="holiday-when-hint">
        {t(hint)}
      </p>
      {kind !== 'workingDay' && (
        <>
          <label htmlFor="holiday-name">{kind === 'inLieu' ? t('holidays.edit.of') : t('holidays.edit.name')}</label>
          <input id="holiday-name" value={name} onChange={(e) => setName(e.target.value)} />
        </>
      )}
      <p>
        <button type="button" className="primary" onClick={add}>
          {t('holidays.edit.add')}
        </button>
      </p>
    </fieldset>
  );
}

function HolidayFile(props: {
  language: Language;
  rules: HolidayRules;
  custom: boolean;
  onLoaded: (rules: HolidayRules) => void;
  onReset: () => void;
  onError: (text: string) => void;
}) {
  const { language, rules, custom, onLoaded, onReset, onError } = props;
  const t = translator(language);
  const load = async (file: File) => {
    try {
      onLoaded(parseHolidayRules(JSON.parse(await file.text())));
    } catch (e) {
      const detail =
        e instanceof Error && 'issues' in e
          ? (e as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('; ')
          : t('holidays.notJson');
      onError(t('holidays.invalid', { detail }));
    }
  };
  return (
    <details>
      <summary>{t('holidays.fileSection')}</summary>
      <label htmlFor="holiday-file">{t('holidays.file')}</label>
      <input
        id="holiday-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])}
      />
      <p>
        <button
          type="button"
          onClick={() =>
            download(
              new TextEncoder().encode(JSON.stringify(rules, null, 2)) as Uint8Array<ArrayBuffer>,
              'lich-nghi-le.json',
              'application/json',
            )
          }
        >
          {t('holidays.download')}
        </button>{' '}
        {custom && (
          <button type="button" onClick={onReset}>
            {t('holidays.reset')}
          </button>
        )}
      </p>
    </details>
  );
}

function YearDaysOff({ language, rules }: { language: Language; rules: HolidayRules }) {
  const t = translator(language);
  const year = new Date().getFullYear();
  const calendar = new WorkCalendar(rules);
  const daysOff: Array<[string, string]> = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const name = calendar.holiday(day);
    if (name) daysOff.push([day, name]);
  }
  return (
    <details open>
      <summary>{t('holidays.list', { year })}</summary>
      <ul data-testid="holiday-list">
        {daysOff.map(([day, name]) => (
          <li key={day}>
            {day.split('-').reverse().join('/')}: {name}
          </li>
        ))}
      </ul>
    </details>
  );
}

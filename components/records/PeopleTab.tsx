import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language } from '@/utils/i18n';
import { peopleCsv, peopleJson, peopleXlsx } from '@/utils/records/export';
import { maskedIdOf, type SearchResult } from '@/utils/records/search-index';
import type { RecordsStore } from '@/utils/records/store';
import { download, stamp } from '../pages/download';
import { PersonEditor } from './PersonEditor';

type Row = Pick<SearchResult, 'id' | 'name' | 'dob' | 'maskedId' | 'address'>;

const rowHeight = 56;

export function PeopleTab({
  language,
  store,
  officerId,
  onImport,
}: {
  language: Language;
  store: RecordsStore;
  officerId: string;
  onImport: () => void;
}) {
  const t = translator(language);
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [version, setVersion] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // `version` changes when the editor saved or erased someone: the list is read again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal, not read inside
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const next: Row[] = query.trim() ? await store.search(query, 500) : await everyone(store);
      if (!cancelled) {
        setRows(next);
        setActive(0);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [query, store, version]);

  useEffect(() => searchRef.current?.focus(), []);

  // "/" jumps to search from anywhere, as in many officer tools.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        setEditing(null);
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(rows.length - 1, i + 1));
      virtual.scrollToIndex(Math.min(rows.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
      virtual.scrollToIndex(Math.max(0, active - 1));
    } else if (e.key === ' ' && e.ctrlKey && rows[active]) {
      // Ctrl+Space ticks the highlighted person for the export, as a checkbox would.
      e.preventDefault();
      toggle(rows[active]!.id);
    } else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      setEditing(rows[active]!.id);
    }
  };

  const onClosed = useCallback(() => {
    setEditing(null);
    setVersion((v) => v + 1);
    searchRef.current?.focus();
  }, []);

  const exportSelected = async (format: 'csv' | 'xlsx' | 'json') => {
    const people = await store.exportPeople(selected.size > 0 ? [...selected] : undefined);
    const name = `cong-dan-${stamp()}`;
    if (format === 'csv') download(peopleCsv(people), `${name}.csv`, 'text/csv');
    if (format === 'json') download(peopleJson(people), `${name}.json`, 'application/json');
    if (format === 'xlsx')
      download(
        await peopleXlsx(people),
        `${name}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const activeId = useMemo(() => rows[active]?.id, [rows, active]);
  // Nobody on record yet: say how to start instead of "no citizen found" over an empty list.
  const firstRun = store.size === 0 && !query.trim() && !editing;

  return (
    <div className="people">
      <section>
        <div className="search">
          <label htmlFor="search">{t('records.search')}</label>
          <input
            id="search"
            ref={searchRef}
            type="search"
            autoComplete="off"
            role="combobox"
            aria-expanded="true"
            aria-controls="people-list"
            aria-activedescendant={activeId ? `person-${activeId}` : undefined}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <p className="hint">{t('records.searchHint')}</p>
        </div>
        {firstRun ? (
          <FirstRun language={language} onImport={onImport} onNew={() => setEditing('new')} />
        ) : (
          <p role="status" data-testid="result-count">
            {rows.length === 0 ? t('records.none') : t('records.count', { count: rows.length })}
          </p>
        )}
        <div
          className="list"
          ref={listRef}
          hidden={firstRun}
          id="people-list"
          role="listbox"
          aria-multiselectable="true"
          aria-label={t('records.results')}
        >
          <div style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the search box drives the list by keyboard (↑↓ Enter, aria-activedescendant)
                <div
                  key={row.id}
                  id={`person-${row.id}`}
                  className={item.index === active ? 'row active' : 'row'}
                  role="option"
                  tabIndex={-1}
                  // Selected: ticked for the export. The highlighted row is the search box's active descendant.
                  aria-selected={selected.has(row.id)}
                  style={{ top: item.start, height: rowHeight }}
                  onClick={() => {
                    setActive(item.index);
                    setEditing(row.id);
                  }}
                >
                  {/* No control inside an option (nested-interactive): the tick is the mouse's way to select. */}
                  <span
                    className="tick"
                    aria-hidden="true"
                    onClick={(e) => {
                      e.stopPropagation();
                      toggle(row.id);
                    }}
                  >
                    {selected.has(row.id) ? '☑' : '☐'}
                  </span>
                  <div>
                    <div className="name">{row.name}</div>
                    <div className="meta">{[row.dob, row.maskedId, row.address].filter(Boolean).join(' · ')}</div>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {!firstRun && (
          <>
            <div className="actions">
              <button type="button" className="primary" onClick={() => setEditing('new')}>
                ＋ {t('records.new')}
              </button>
            </div>
            <p className="hint">{t('records.export.scope', { count: selected.size })}</p>
            <div className="actions">
              <button type="button" onClick={() => void exportSelected('csv')}>
                {t('records.export.csv')}
              </button>
              <button type="button" onClick={() => void exportSelected('xlsx')}>
                {t('records.export.xlsx')}
              </button>
              <button type="button" onClick={() => void exportSelected('json')}>
                {t('records.export.json')}
              </button>
            </div>
          </>
        )}
      </section>
      <section>
        {editing && (
          <PersonEditor
            key={editing}
            language={language}
            store={store}
            officerId={officerId}
            personId={editing === 'new' ? null : editing}
            onClose={onClosed}
          />
        )}
      </section>
    </div>
  );
}

async function everyone(store: RecordsStore): Promise<Row[]> {
  await store.refresh();
  return store
    .listEntries()
    .map((e) => ({ id: e.id, name: e.name, dob: e.dob, maskedId: maskedIdOf(e), address: e.address }));
}

/** The records' first run: the three ways in, in view at 1366×768. */
function FirstRun({ language, onImport, onNew }: { language: Language; onImport: () => void; onNew: () => void }) {
  const t = translator(language);
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{t('records.firstRun.title')}</h2>
      <p>{t('records.firstRun.intro')}</p>
      <ul>
        <li>
          <button type="button" className="primary" onClick={onImport}>
            {t('records.tab.import')}
          </button>
          <span>{t('records.firstRun.import')}</span>
        </li>
        <li>
          <a className="button" href={browser.runtime.getURL('/capture.html' as '/settings.html')}>
            {t('capture.title')}
          </a>
          <span>{t('records.firstRun.capture')}</span>
        </li>
        <li>
          <button type="button" onClick={onNew}>
            {t('records.new')}
          </button>
          <span>{t('records.firstRun.new')}</span>
        </li>
      </ul>
    </section>
  );
}

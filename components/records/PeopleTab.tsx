import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language, type Translate } from '@/utils/i18n';
import { type ExportFormat, peopleFile } from '@/utils/records/export-file';
import { type PersonRow, peopleRows, personMeta, searchKeyAction, toggled } from '@/utils/records/people-list';
import type { RecordsStore } from '@/utils/records/store';
import { saveFile } from '@/components/pages/download';
import { PersonEditor } from '@/components/records/PersonEditor';

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
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const { selected, toggle, exportSelected } = useExportSelection(store);
  const list = usePeopleList(store, query, version, { onTick: toggle, onOpen: setEditing });
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);
  const toSearch = useCallback(() => {
    setEditing(null);
    searchRef.current?.focus();
  }, []);
  useSlashToSearch(toSearch);
  const onClosed = useCallback(() => {
    setVersion((v) => v + 1);
    toSearch();
  }, [toSearch]);
  // Nobody on record yet: say how to start instead of "no citizen found" over an empty list.
  const firstRun = store.size === 0 && !query.trim() && !editing;

  return (
    <div className="people">
      <section>
        <SearchBox
          t={t}
          inputRef={searchRef}
          query={query}
          onQuery={setQuery}
          activeId={list.rows[list.active]?.id}
          onKeyDown={list.onSearchKey}
        />
        {firstRun ? (
          <FirstRun language={language} onImport={onImport} onNew={() => setEditing('new')} />
        ) : (
          <ResultCount t={t} loaded={list.loaded} count={list.rows.length} />
        )}
        <PeopleList
          t={t}
          list={list}
          selected={selected}
          hidden={firstRun}
          onOpen={(index, id) => {
            list.setActive(index);
            setEditing(id);
          }}
          onToggle={toggle}
        />
        {!firstRun && (
          <PeopleActions t={t} ticked={selected.size} onNew={() => setEditing('new')} onExport={exportSelected} />
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

/** How many were found; "reading" until the first search answers, so an unread list never says "nobody". */
function ResultCount({ t, loaded, count }: { t: Translate; loaded: boolean; count: number }) {
  return (
    <p role="status" data-testid="result-count">
      {!loaded ? t('records.loading') : count === 0 ? t('records.none') : t('records.count', { count })}
    </p>
  );
}

/**
 * The list for what is typed, read again when `version` changes (the editor saved or erased someone), and
 * driven from the search box: ↑↓ move the highlight, Ctrl+Space ticks, Enter opens.
 */
function usePeopleList(
  store: RecordsStore,
  query: string,
  version: number,
  on: { onTick: (id: string) => void; onOpen: (id: string) => void },
) {
  const [rows, setRows] = useState<PersonRow[]>([]);
  // Until the first search answers, an empty list means "not read yet", not "nobody found".
  const [loaded, setLoaded] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal, not read inside
  useEffect(() => {
    let cancelled = false;
    void peopleRows(store, query).then((next) => {
      if (cancelled) return;
      setRows(next);
      setLoaded(true);
      setActive(0);
    });
    return () => {
      cancelled = true;
    };
  }, [query, store, version]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const onSearchKey = (e: KeyboardEvent) => {
    const action = searchKeyAction(e.key, e.ctrlKey, active, rows.length);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') {
      setActive(action.to);
      virtual.scrollToIndex(action.to);
    } else if (action.kind === 'tick') on.onTick(rows[active]!.id);
    else on.onOpen(rows[active]!.id);
  };
  return { rows, loaded, active, setActive, listRef, virtual, onSearchKey };
}

/** The people ticked for the export (none ticked: everyone), and the export itself. */
function useExportSelection(store: RecordsStore) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setSelected((s) => toggled(s, id));
  const exportSelected = async (format: ExportFormat) => {
    const people = await store.exportPeople(selected.size > 0 ? [...selected] : undefined);
    saveFile(await peopleFile(people, format));
  };
  return { selected, toggle, exportSelected };
}

/** "/" jumps to search from anywhere, as in many officer tools. */
function useSlashToSearch(onSlash: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key !== '/' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      e.preventDefault();
      onSlash();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSlash]);
}

function SearchBox({
  t,
  inputRef,
  query,
  onQuery,
  activeId,
  onKeyDown,
}: {
  t: Translate;
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (query: string) => void;
  activeId: string | undefined;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  return (
    <div className="search">
      <label htmlFor="search">{t('records.search')}</label>
      <input
        id="search"
        ref={inputRef}
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded="true"
        aria-controls="people-list"
        aria-activedescendant={activeId ? `person-${activeId}` : undefined}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="hint">{t('records.searchHint')}</p>
    </div>
  );
}

function PeopleList({
  t,
  list: { rows, active, listRef, virtual },
  selected,
  hidden,
  onOpen,
  onToggle,
}: {
  t: Translate;
  list: ReturnType<typeof usePeopleList>;
  selected: ReadonlySet<string>;
  hidden: boolean;
  onOpen: (index: number, id: string) => void;
  onToggle: (id: string) => void;
}) {
  return (
    <div
      className="list"
      ref={listRef}
      hidden={hidden}
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
              onClick={() => onOpen(item.index, row.id)}
            >
              {/* No control inside an option (nested-interactive): the tick is the mouse's way to select. */}
              <span
                className="tick"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  onToggle(row.id);
                }}
              >
                {selected.has(row.id) ? '☑' : '☐'}
              </span>
              <div>
                <div className="name">{row.name}</div>
                <div className="meta">{personMeta(row)}</div>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function PeopleActions({
  t,
  ticked,
  onNew,
  onExport,
}: {
  t: Translate;
  ticked: number;
  onNew: () => void;
  onExport: (format: ExportFormat) => Promise<void>;
}) {
  return (
    <>
      <div className="actions">
        <button type="button" className="primary" onClick={onNew}>
          ＋ {t('records.new')}
        </button>
      </div>
      <p className="hint">{t('records.export.scope', { count: ticked })}</p>
      <div className="actions">
        {(['csv', 'xlsx', 'json'] as const).map((format) => (
          <button key={format} type="button" onClick={() => void onExport(format)}>
            {t(`records.export.${format}`)}
          </button>
        ))}
      </div>
    </>
  );
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

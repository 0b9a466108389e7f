import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { roleLabels } from '@/utils/autofill/labels';
import { translator, type Language } from '@/utils/i18n';
import type { PanelSession, PanelState } from '@/utils/panel/session';

/**
 * "Tìm công dân": type, ↓ to the results, ↑/↓ between them, Enter to pick; the cursor comes back to the search
 * box after each pick. Each result is a button named with the citizen's full name and says which block it goes to.
 */
export function SearchSection({
  language,
  session,
  state,
  searchRef,
}: {
  language: Language;
  session: PanelSession;
  state: PanelState;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const t = translator(language);
  const listRef = useRef<HTMLUListElement>(null);
  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const move = (e: KeyboardEvent, from: number) => {
    const all = buttons();
    if (e.key === 'ArrowDown' && all.length > 0) {
      e.preventDefault();
      all[Math.min(all.length - 1, from + 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (from <= 0) searchRef.current?.focus();
      else all[from - 1]?.focus();
    } else if (e.key === 'Escape') {
      session.setQuery('');
      searchRef.current?.focus();
    }
  };
  const pick = (index: number) => {
    const result = state.results[index];
    if (!result) return;
    void session.pick(result);
    searchRef.current?.focus();
  };
  return (
    <div className="search">
      <label htmlFor="motcua-search">{t('panel.search')}</label>
      <input
        id="motcua-search"
        ref={searchRef}
        type="search"
        autoComplete="off"
        aria-describedby="motcua-search-hint"
        value={state.query}
        onChange={(e) => session.setQuery(e.target.value)}
        onKeyDown={(e) => move(e, -1)}
      />
      <p id="motcua-search-hint" className="muted">
        {t('panel.searchHint')}
      </p>
      {state.query.trim() && (
        <ul ref={listRef} className="results" aria-label={t('panel.results')}>
          {state.results.length === 0 && <li className="muted">{t('panel.noResult')}</li>}
          {state.results.map((r, i) => {
            const blocks = session.proposalFor(r);
            const goes =
              blocks.length > 0
                ? t('panel.goesTo', { blocks: blocks.map((b) => roleLabels[b]).join(', ') })
                : t('panel.goesNowhere');
            return (
              <li key={r.id}>
                <button
                  type="button"
                  aria-describedby={`motcua-result-${r.id}`}
                  onClick={() => pick(i)}
                  onKeyDown={(e) => move(e, i)}
                >
                  {r.name}
                </button>
                <span id={`motcua-result-${r.id}`} className="muted">
                  {[r.dob, r.maskedId, r.address].filter(Boolean).join(' · ')} — {goes}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { type FilingPeople, type FilingView, statusLabels } from '@/utils/db/filing-schema';
import { vnDateTime } from '@/utils/filings/view';
import type { Translate } from '@/utils/i18n';

const headers = [
  'dash.col.at',
  'dash.counter',
  'dash.officer',
  'dash.procedure',
  'dash.status',
  'dash.col.code',
  'dash.col.people',
  'dash.col.fields',
] as const;

export function FilingTable({
  t,
  filings,
  counterName,
  peopleOf,
  namesOf,
  onOpen,
}: {
  t: Translate;
  filings: FilingView[];
  counterName: (id: string) => string;
  peopleOf: (entries: FilingView[]) => Promise<(e: FilingView) => FilingPeople | null>;
  namesOf: (e: FilingView) => string;
  onOpen: (e: FilingView, row: HTMLElement) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Rows wrap (a long procedure, a long dossier code, several citizens): each is measured once drawn.
  const virtualizer = useVirtualizer({
    count: filings.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const [, setTick] = useState(0);
  // Names are decrypted only for the rows on screen.
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    void peopleOf(filings.slice(first, last + 1)).then(() => setTick((n) => n + 1));
  }, [filings, first, last, peopleOf]);
  if (filings.length === 0) return <p className="muted">{t('dash.noFilings')}</p>;
  // biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a virtualized table: its rows are absolutely placed <div>s, which <table> cannot hold; the ARIA roles say what they are.
  return (
    <div className="table no-print" role="table" aria-label={t('dash.title')} aria-rowcount={filings.length}>
      <div className="row head" role="row">
        {headers.map((h) => (
          <span key={h} role="columnheader">
            {t(h)}
          </span>
        ))}
      </div>
      <div ref={scroller} className="scroll" data-testid="filing-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const e = filings[item.index]!;
            return (
              <FilingRow
                key={`${e.counterId}:${e.id}`}
                item={item}
                measure={virtualizer.measureElement}
                filing={e}
                counter={counterName(e.counterId)}
                names={namesOf(e)}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
  // biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the table ends here.
}

function FilingRow({
  item,
  measure,
  filing: e,
  counter,
  names,
  onOpen,
}: {
  item: VirtualItem;
  measure: (row: HTMLDivElement | null) => void;
  filing: FilingView;
  counter: string;
  names: string;
  onOpen: (e: FilingView, row: HTMLElement) => void;
}) {
  // biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a row of the virtualized table (FilingTable).
  return (
    <div
      ref={measure}
      data-index={item.index}
      role="row"
      className="row"
      style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, width: '100%' }}
      tabIndex={0}
      onClick={(ev) => onOpen(e, ev.currentTarget)}
      onKeyDown={(k) => k.key === 'Enter' && onOpen(e, k.currentTarget)}
    >
      <span role="cell">{vnDateTime(e.at)}</span>
      <span role="cell">{counter}</span>
      <span role="cell">{e.officerName}</span>
      <span role="cell">{e.procedureName ?? '—'}</span>
      <span role="cell" data-status={e.status}>
        {statusLabels[e.status]}
      </span>
      <span role="cell" className="code">
        {e.dossierCode ?? ''}
      </span>
      <span role="cell">{names}</span>
      <span role="cell">
        {e.fields.filled}/{e.fields.check}/{e.fields.missing}
      </span>
    </div>
  );
  // biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the row ends here.
}

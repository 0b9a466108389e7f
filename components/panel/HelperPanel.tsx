import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { panelMarginPx, placePanel, type Rect } from '@/utils/panel/placement';
import { obstacleScanLimit, portalButtonSelector } from '@/utils/panel/frames';
import { FillPanel } from './FillPanel';
import { storage } from 'wxt/utils/storage';

interface PanelPlace {
  edge: 'left' | 'right';
  topRatio: number;
}
const defaultPlace: PanelPlace = { edge: 'right', topRatio: 0.25 };
/** The panel's place, the same on every portal page (officers set it once). */
export const panelPlaceItem = storage.defineItem<PanelPlace>('local:panelPlace', { fallback: defaultPlace });

export interface FrameSummary {
  frameId: number;
  origin: string;
  fieldCount: number;
}

interface Props {
  language: Language;
  host: HTMLElement;
  loadFrames: () => Promise<FrameSummary[]>;
  signal: AbortSignal;
}

/** How often the open panel refreshes what the frames report (cheap: one message). */
const framesRefreshMs = 1500;

export function HelperPanel({ language, host, loadFrames, signal }: Props) {
  const t = translator(language);
  const [open, setOpen] = useState(true);
  const [frames, setFrames] = useState<FrameSummary[] | null>(null);
  const [offline, setOffline] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Alt+K opens the panel and puts the cursor in "Tìm công dân", from anywhere on the portal page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== 'k') return;
      e.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => searchRef.current?.focus());
    };
    window.addEventListener('keydown', onKey, { signal });
  }, [signal]);

  const refresh = useCallback(async () => {
    try {
      setFrames(await loadFrames());
      setOffline(false);
    } catch {
      setOffline(true);
    }
  }, [loadFrames]);

  useEffect(() => {
    if (!open) return;
    void refresh();
    const timer = setInterval(() => void refresh(), framesRefreshMs);
    return () => clearInterval(timer);
  }, [open, refresh]);

  // Where the officer last dragged the panel: an edge and a height as a share of the window.
  const [preferred, setPreferred] = useState<PanelPlace>(defaultPlace);
  useEffect(() => {
    void panelPlaceItem.getValue().then(setPreferred);
    return panelPlaceItem.watch((value) => setPreferred(value ?? defaultPlace));
  }, []);

  const place = useCallback(() => {
    const box = boxRef.current;
    if (!box || !host.isConnected) return;
    const size = { width: box.offsetWidth, height: box.offsetHeight };
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const placement =
      placePanel(viewport, size, collectObstacles(host), viewport.height * preferred.topRatio, undefined, preferred.edge) ??
      { edge: 'right' as const, top: 8 };
    setHostPlacement(host, placement);
  }, [host, preferred]);

  useLayoutEffect(place, [place, open, frames, offline]);

  /**
   * Dragging the header moves the panel along the edge, or across to the other edge; the place is remembered.
   * Pointer capture keeps the drag ours when the pointer crosses the portal's iframes.
   */
  const startDrag = (event: PointerEvent) => {
    const header = event.currentTarget as HTMLElement;
    if ((event.target as HTMLElement).closest('button')) return;
    header.setPointerCapture(event.pointerId);
    const edgeAt = (x: number) => (x < window.innerWidth / 2 ? 'left' : 'right');
    const move = (e: PointerEvent) => setHostPlacement(host, { top: Math.max(8, e.clientY - 16), edge: edgeAt(e.clientX) });
    const up = (e: PointerEvent) => {
      header.removeEventListener('pointermove', move);
      header.removeEventListener('pointerup', up);
      void panelPlaceItem.setValue({ edge: edgeAt(e.clientX), topRatio: Math.min(0.9, Math.max(0, (e.clientY - 16) / window.innerHeight)) });
    };
    header.addEventListener('pointermove', move);
    header.addEventListener('pointerup', up);
  };
  const headerRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    // A native listener: the shadow root's own events, whatever the page does with its pointer events.
    header.addEventListener('pointerdown', startDrag);
    return () => header.removeEventListener('pointerdown', startDrag);
  });

  useEffect(() => {
    let pending = 0;
    const schedule = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        place();
      });
    };
    window.addEventListener('scroll', schedule, { passive: true, signal, capture: true });
    window.addEventListener('resize', schedule, { signal });
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
    signal.addEventListener('abort', () => observer.disconnect());
    return () => observer.disconnect();
  }, [place, signal]);

  const fieldTotal = frames?.reduce((sum, f) => sum + f.fieldCount, 0) ?? 0;
  const frameTotal = frames?.filter((f) => f.fieldCount > 0).length ?? 0;

  if (!open) {
    return (
      <div ref={boxRef} className="tab">
        <button type="button" aria-expanded="false" aria-label={t('panel.expand')} onClick={() => setOpen(true)}>
          {t('panel.title')}
        </button>
      </div>
    );
  }
  return (
    <div ref={boxRef} className="panel" role="complementary" aria-label={t('panel.title')}>
      <header ref={headerRef} title={t('panel.drag')}>
        <strong>{t('panel.title')}</strong>
        <button type="button" aria-expanded="true" onClick={() => setOpen(false)}>
          {t('panel.collapse')}
        </button>
      </header>
      <FillPanel language={language} host={host} searchRef={searchRef} />
      {offline ? (
        <p role="alert" className="warn">
          {t('panel.offline')}
        </p>
      ) : (
        <p data-testid="field-summary">{t('panel.fields', { fields: fieldTotal, frames: frameTotal })}</p>
      )}
    </div>
  );
}

/**
 * WXT resets the host with `:host { all: initial !important }`, which beats even important inline styles
 * (inner-scope important rules win). The `:host` rule below positions it from custom properties, which
 * `all` does not reset, so placement is set through them.
 */
export function setHostPlacement(host: HTMLElement, placement: { top: number; edge: 'left' | 'right' }) {
  host.style.setProperty('--motcua-top', `${placement.top}px`);
  host.style.setProperty('--motcua-left', placement.edge === 'left' ? `${panelMarginPx}px` : 'auto');
  host.style.setProperty('--motcua-right', placement.edge === 'right' ? `${panelMarginPx}px` : 'auto');
}

function collectObstacles(ownHost: HTMLElement): Rect[] {
  const rects: Rect[] = [];
  const nodes = document.querySelectorAll(portalButtonSelector);
  for (let i = 0; i < nodes.length && i < obstacleScanLimit; i++) {
    const node = nodes[i]!;
    if (node === ownHost || ownHost.contains(node)) continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    rects.push({ top: r.top, left: r.left, width: r.width, height: r.height });
  }
  return rects;
}

export const panelCss = `
:host { position: fixed !important; z-index: 2147483646 !important; display: block !important;
  width: max-content !important; top: var(--motcua-top, 25vh) !important;
  left: var(--motcua-left, auto) !important; right: var(--motcua-right, 8px) !important; }
* { box-sizing: border-box; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
.panel { width: 340px; max-height: 80vh; overflow: auto; background: #fff; color: #1a1a1a;
  border: 1px solid #b3261e33; border-left: 4px solid #b3261e; border-radius: 8px;
  box-shadow: 0 4px 16px #0003; padding: 10px 12px; font-size: 14px; line-height: 1.45; }
header { cursor: move; user-select: none; display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
strong { color: #b3261e; font-size: 15px; }
p { margin: 6px 0; }
.warn { color: #8a1c14; }
.muted { color: #555; font-size: 12px; }
label { display: block; font-weight: 600; font-size: 13px; margin: 6px 0 2px; }
input, select, textarea { font: inherit; font-size: 14px; width: 100%; padding: 4px 6px; border: 1px solid #999; border-radius: 6px; background: #fff; color: #1a1a1a; }
fieldset { border: 1px solid #ddd; border-radius: 6px; margin: 8px 0; padding: 4px 8px 8px; }
legend { font-weight: 600; font-size: 13px; }
ul { list-style: none; margin: 4px 0; padding: 0; }
.results button { display: block; width: 100%; text-align: left; border-radius: 4px; margin: 2px 0; background: #fff; }
.results button span { display: block; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; font-weight: 600; }
button.link { border: none; background: none; color: #1d5bd8; padding: 2px 0; text-decoration: underline; }
.report li { font-size: 13px; padding: 2px 0; border-bottom: 1px solid #f0f0f0; }
.report li[data-status=filled] { color: #1d6b2f; }
.report li[data-status=check], .report li[data-status=readonly] { color: #7a4b00; }
.report li[data-status=failed], .report li[data-status=missing], .report li[data-status=unknown] { color: #8a1c14; }
button { font: inherit; font-size: 13px; cursor: pointer; border: 1px solid #999; background: #f6f6f6;
  border-radius: 6px; padding: 3px 8px; color: #1a1a1a; }
button:focus-visible { outline: 2px solid #1d5bd8; outline-offset: 2px; }
.procedure { border-top: 2px solid #eee; margin-top: 10px; padding-top: 4px; }
.procedure summary { font-weight: 600; cursor: pointer; font-size: 14px; }
label.check { display: flex; gap: 6px; align-items: baseline; font-weight: 400; }
label.check input { width: auto; }
.filing { border-top: 2px solid #eee; margin-top: 10px; padding-top: 4px; }
.filing h3 { font-size: 14px; margin: 4px 0; }
.tab { width: max-content; }
.tab button { writing-mode: vertical-rl; height: 150px; width: 34px; padding: 8px 4px; background: #b3261e; color: #fff; border: none;
  border-radius: 8px 0 0 8px; font-weight: 600; }
`;

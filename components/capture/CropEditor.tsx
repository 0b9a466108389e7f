import { useRef, useState } from 'react';
import type { Point, Quad } from '@/utils/capture/image';
import type { translator } from '@/utils/i18n';

type T = ReturnType<typeof translator>;

/**
 * The photo as taken with the card's crop drawn on it and four corner handles: dragged with the mouse, or
 * moved with the arrow keys (Shift: ten times further). "Đọc lại vùng này" reads exactly that area.
 */
export function CropEditor({
  photo,
  width,
  height,
  quad,
  label,
  t,
  onApply,
}: {
  photo: string;
  width: number;
  height: number;
  quad: Quad;
  label: string;
  t: T;
  onApply: (q: Quad) => void;
}) {
  const [corners, setCorners] = useState<Quad>(quad);
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (i: number, p: Point) =>
    setCorners(
      (c) =>
        c.map((q, k) =>
          k === i ? [Math.min(width, Math.max(0, p[0])), Math.min(height, Math.max(0, p[1]))] : q,
        ) as Quad,
    );
  const toPhoto = (e: React.PointerEvent): Point => {
    const box = svg.current!.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * width, ((e.clientY - box.top) / box.height) * height];
  };
  const r = Math.max(width, height) / 60;
  return (
    <div className="crop">
      <p className="hint">{t('capture.crop.hint')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing holds the handles; a fieldset cannot */}
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t('capture.crop', { name: label })}
        onPointerMove={(e) => dragging !== null && move(dragging, toPhoto(e))}
        onPointerUp={() => setDragging(null)}
      >
        <image href={photo} width={width} height={height} />
        <polygon points={corners.map((p) => p.join(',')).join(' ')} className="crop-frame" strokeWidth={r / 3} />
        {corners.map((p, i) => (
          <CropHandle
            // biome-ignore lint/suspicious/noArrayIndexKey: the corners keep their order (top-left first), so the index names each
            key={i}
            at={p}
            index={i}
            r={r}
            width={width}
            t={t}
            onGrab={() => setDragging(i)}
            onMove={(to) => move(i, to)}
          />
        ))}
      </svg>
      <button type="button" onClick={() => onApply(corners)}>
        {t('capture.crop.apply')}
      </button>
    </div>
  );
}

/** One corner: a slider for assistive technology, dragged by the pointer or moved by the arrow keys. */
function CropHandle(props: {
  at: Point;
  index: number;
  r: number;
  width: number;
  t: T;
  onGrab: () => void;
  onMove: (to: Point) => void;
}) {
  const { at: p, width } = props;
  return (
    <circle
      cx={p[0]}
      cy={p[1]}
      r={props.r}
      className="crop-handle"
      tabIndex={0}
      role="slider"
      aria-label={props.t('capture.crop.corner', { n: props.index + 1 })}
      aria-valuenow={Math.round(p[0])}
      aria-valuemin={0}
      aria-valuemax={width}
      aria-valuetext={`${Math.round(p[0])}, ${Math.round(p[1])}`}
      onPointerDown={(e) => {
        (e.target as Element).setPointerCapture?.(e.pointerId);
        props.onGrab();
      }}
      onKeyDown={(e) => {
        const step = (e.shiftKey ? 10 : 1) * (width / 200);
        const d: Record<string, Point> = {
          ArrowLeft: [-step, 0],
          ArrowRight: [step, 0],
          ArrowUp: [0, -step],
          ArrowDown: [0, step],
        };
        const by = d[e.key];
        if (!by) return;
        e.preventDefault();
        props.onMove([p[0] + by[0], p[1] + by[1]]);
      }}
    />
  );
}

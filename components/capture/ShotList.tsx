import { useState } from 'react';
import type { Quad } from '@/utils/capture/image';
import type { Shot } from '@/utils/capture/intake';
import type { translator } from '@/utils/i18n';
import { CropEditor } from '@/components/capture/CropEditor';

type T = ReturnType<typeof translator>;

/** Each shot as straightened, what it was taken for, and (for a photo) the crop chosen, correctable. */
export function ShotList({ shots, t, onRescan }: { shots: Shot[]; t: T; onRescan: (id: string, quad: Quad) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="shots">
      {shots.map((s) => (
        <figure key={s.id}>
          {s.preview ? <img src={s.preview} alt={s.label} /> : <div className="wedge-shot">⌨ {s.label}</div>}
          <figcaption>
            {s.label}
            {s.result?.reading?.side && ` · ${t(`capture.side.${s.result.reading.side}`)}`}
            {s.result?.reading?.model && ` · ${t(`capture.model.${s.result.reading.model}`)}`}
            {s.result?.qr?.kind === 'citizen-id' && ` · ${t('capture.qr.read')}`}
            {s.photo && s.raster && s.result && (
              <button
                type="button"
                className="link"
                aria-expanded={editing === s.id}
                onClick={() => setEditing(editing === s.id ? null : s.id)}
              >
                {t('capture.crop', { name: s.label })}
              </button>
            )}
          </figcaption>
          {editing === s.id && s.photo && s.raster && s.result && (
            <CropEditor
              photo={s.photo}
              width={s.raster.width}
              height={s.raster.height}
              quad={s.result.quad}
              label={s.label}
              t={t}
              onApply={(quad) => {
                setEditing(null);
                onRescan(s.id, quad);
              }}
            />
          )}
        </figure>
      ))}
    </div>
  );
}

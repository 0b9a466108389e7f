import { useState } from 'react';
import { translator, type Language } from '@/utils/i18n';

/** The ways in: files (chosen or dropped), a pasted image, and the handheld scanner's field. */
export function Inputs({
  language,
  onFiles,
  onWedge,
}: {
  language: Language;
  onFiles: (files: File[]) => void;
  onWedge: (text: string) => boolean;
}) {
  const t = translator(language);
  const [over, setOver] = useState(false);
  const [wedge, setWedge] = useState('');
  return (
    <section className="capture-inputs">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the file input inside is the keyboard's way */}
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          onFiles([...e.dataTransfer.files]);
        }}
      >
        <p>{t('capture.drop')}</p>
        <label className="file">
          {t('capture.choose')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            multiple
            onChange={(e) => {
              onFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <p className="hint">{t('capture.paste')}</p>
      </div>
      <label className="wedge">
        {t('capture.wedge')}
        <input
          // The handheld scanner types wherever the cursor is: ready for it as the page opens.
          // biome-ignore lint/a11y/noAutofocus: the scanner's keystrokes must land here without a click
          autoFocus
          value={wedge}
          placeholder={t('capture.wedge.placeholder')}
          onChange={(e) => setWedge(e.target.value)}
          onKeyDown={(e) => {
            // The scanner ends its burst with Enter.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (wedge.trim() && onWedge(wedge)) setWedge('');
          }}
        />
      </label>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import type { Person, PersonField } from '@/utils/records/schema';
import { differingFields, MergeTable, type MergeChoice } from '@/components/records/MergeTable';

/** The ID is already on record: field by field, the officer keeps the stored value or takes the card's. */
export function MergeDialog({
  language,
  existing,
  draft,
  onCancel,
  onMerge,
}: {
  language: Language;
  existing: Person;
  draft: Omit<Person, 'id' | 'createdAt' | 'updatedAt'>;
  onCancel: () => void;
  onMerge: (choices: Partial<Record<PersonField, 'existing' | 'incoming'>>) => Promise<void>;
}) {
  const t = translator(language);
  const incoming = draft as Record<string, unknown>;
  const differing = differingFields(existing, incoming);
  // The card is the fresher source: it wins by default where it differs.
  const [choices, setChoices] = useState<Partial<Record<PersonField, MergeChoice>>>({});
  // Modal, in the middle of the screen: "Lưu" sits at the foot of a long form, where an inline dialog opened off-screen.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-label={t('capture.merge.title')} onClose={onCancel}>
      <h3>{t('capture.merge.title')}</h3>
      <p>{t('capture.merge.intro', { name: existing.fullName.value })}</p>
      {differing.length === 0 ? (
        <p>{t('capture.merge.same')}</p>
      ) : (
        <MergeTable
          existing={existing}
          incoming={incoming}
          fields={differing}
          headers={[t('import.merge.existing'), t('capture.merge.card')]}
          choiceOf={(f) => choices[f] ?? 'incoming'}
          onChoose={(f, side) => setChoices((c) => ({ ...c, [f]: side }))}
        />
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void onMerge({ ...Object.fromEntries(differing.map((f) => [f, 'incoming'])), ...choices })}
        >
          {t('capture.merge.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('capture.merge.cancel')}
        </button>
      </div>
    </dialog>
  );
}

import { roleLabels } from '@/utils/autofill/labels';
import { translator, type Language } from '@/utils/i18n';
import type { PanelSession, PanelState } from '@/utils/panel/session';

/** "Người trong biểu mẫu": one select per block the form asks for, named by the block; the split wards to pick. */
export function BlocksSection({
  language,
  session,
  state,
}: {
  language: Language;
  session: PanelSession;
  state: PanelState;
}) {
  const t = translator(language);
  return (
    <>
      <fieldset>
        <legend>{t('panel.roles')}</legend>
        {state.blocks.length === 0 && <p className="muted">{t('panel.blocksNone')}</p>}
        {state.blocks.length > 0 && Object.values(state.scans).every((s) => s.fieldCount === 0) && (
          <p className="muted">{t('panel.fieldsNone')}</p>
        )}
        {state.blocks.map((role) => (
          <div key={role} className="role">
            <label htmlFor={`motcua-role-${role}`}>{roleLabels[role]}</label>
            <select
              id={`motcua-role-${role}`}
              value={state.assigned[role] ?? ''}
              onChange={(e) => session.assign(role, e.target.value || null)}
            >
              <option value="">{t('panel.role.none')}</option>
              {state.chosen.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => void session.rescan()}>
          {t('panel.rescan')}
        </button>
      </fieldset>
      {state.splitWards.map((split) => (
        <div key={split.personId} className="split">
          <label htmlFor={`motcua-ward-${split.personId}`}>{t('panel.splitWard', { name: split.name })}</label>
          <p className="muted">{split.text}</p>
          <select
            id={`motcua-ward-${split.personId}`}
            value={state.wardChoice[split.personId] ?? ''}
            onChange={(e) => session.chooseWard(split.personId, e.target.value)}
          >
            <option value="">{t('panel.role.none')}</option>
            {split.candidates.map((c) => (
              <option key={c.wardCode} value={c.wardCode}>
                {c.wardName}
              </option>
            ))}
          </select>
        </div>
      ))}
    </>
  );
}

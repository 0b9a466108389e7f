import { useEffect, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import type { WardRef } from '@/utils/settings/schema';
import { updateLocalSettings } from '@/utils/settings/store';
import type { AdminUnits } from '@/utils/vn/admin-units';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';

export function WardPicker({
  language,
  value,
  locked,
}: {
  language: Language;
  value: WardRef | null;
  locked: boolean;
}) {
  const t = translator(language);
  const [units, setUnits] = useState<AdminUnits | null>(null);
  const [province, setProvince] = useState(value?.provinceCode ?? '');
  useEffect(() => void loadAdminUnits().then(setUnits), []);
  useEffect(() => setProvince(value?.provinceCode ?? ''), [value]);
  if (!units) return null;

  if (locked && value) {
    const commune = units.commune(value.wardCode);
    const p = units.province(value.provinceCode);
    return (
      <>
        <p className="field-label" id="ward-label">
          {t('settings.ward')}
        </p>
        <p data-testid="ward-locked">
          {commune?.fullName ?? value.wardCode}, {p?.fullName ?? value.provinceCode}
        </p>
        <p className="locked">🔒 {t('settings.locked')}</p>
      </>
    );
  }
  return (
    <>
      <label htmlFor="province">{t('settings.ward')}</label>
      <select id="province" value={province} onChange={(e) => setProvince(e.target.value)}>
        <option value="">{t('settings.ward.none')}</option>
        {units.allProvinces().map((p) => (
          <option key={p.code} value={p.code}>
            {p.fullName}
          </option>
        ))}
      </select>{' '}
      <select
        id="ward"
        aria-label={t('settings.ward')}
        value={value?.provinceCode === province ? value.wardCode : ''}
        disabled={!province}
        onChange={(e) =>
          void updateLocalSettings({
            ward: e.target.value ? { provinceCode: province, wardCode: e.target.value } : null,
          })
        }
      >
        <option value="">{t('settings.ward.none')}</option>
        {province &&
          units.communesOf(province).map((c) => (
            <option key={c.code} value={c.code}>
              {c.fullName}
            </option>
          ))}
      </select>
    </>
  );
}

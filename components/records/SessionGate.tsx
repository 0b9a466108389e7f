import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language } from '@/utils/i18n';
import { UnlockForm } from '@/components/records/UnlockForm';
import type { SessionState, UnlockActions } from '@/components/records/useRecordsSession';

/**
 * What a page behind the unlock shows until the records are open (setup missing, locked, opening); null once
 * they are, and the page shows itself.
 */
export function sessionGate(state: SessionState, language: Language, unlock: UnlockActions): ReactNode | null {
  const t = translator(language);
  if (state.phase === 'loading') return null;
  if (state.phase === 'not-set-up')
    return (
      <p role="alert">
        {t('unlock.notSetUp')}{' '}
        <a href={browser.runtime.getURL('/setup.html' as '/settings.html')}>{t('setup.title')}</a>
      </p>
    );
  if (state.phase === 'locked') return <UnlockForm language={language} unlock={unlock} />;
  if (state.phase === 'opening') return <p role="status">{t('unlock.opening')}</p>;
  return null;
}

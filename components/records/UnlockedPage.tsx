import type { ReactNode } from 'react';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { translator, type MessageKey } from '@/utils/i18n';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { sessionGate } from '@/components/records/SessionGate';
import { useRecordsSession, type SessionState } from '@/components/records/useRecordsSession';

export type OpenSession = Extract<SessionState, { phase: 'open' }>;

/** An extension page behind the unlock: the page frame, the gate until the records are open, then `children`. */
export function UnlockedPage({
  title,
  children,
}: {
  title: MessageKey;
  children: (open: OpenSession, settings: EffectiveSettings) => ReactNode;
}) {
  const { settings } = useSettings();
  const { state, unlock } = useRecordsSession();
  if (!settings) return null;
  const language = settings.language;
  let body = sessionGate(state, language, unlock);
  if (body === null && state.phase === 'open') body = children(state, settings);
  return (
    <PageShell language={language} title={translator(language)(title)}>
      {body}
    </PageShell>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/pages/useSettings';
import { translator } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import { tabTransport } from '@/utils/panel/transport';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/panel/panel.css';

/**
 * The side panel's page. Chrome opens it per portal tab as `sidepanel.html?tab=<id>` (the background sets it
 * when a portal page loads), so it always knows the tab it fills; a test opens the same page for a tab. Opened
 * without a tab (on a tab that is no portal), it shows where the assistant's pages are.
 */
export function SidePanelPage() {
  const { settings } = useSettings();
  const language = settings?.language ?? 'vi';
  const t = translator(language);
  const tabId = useMemo(() => {
    const raw = new URLSearchParams(location.search).get('tab');
    return raw && /^\d+$/.test(raw) ? Number(raw) : null;
  }, []);
  const page = useMemo(() => (tabId === null ? null : tabTransport(tabId, sendMessage)), [tabId]);
  const [, setNow] = useState(0);
  useEffect(() => document.documentElement.setAttribute('lang', language), [language]);
  if (tabId === null || !page) {
    return (
      <main className="motcua-panel" lang={language}>
        <h1>{t('panel.title')}</h1>
        <p>{t('panel.notPortal')}</p>
        <p>
          <a
            href={browser.runtime.getURL('/pages.html')}
            target="_blank"
            rel="noreferrer"
            onClick={() => setNow(Date.now())}
          >
            {t('panel.pages')}
          </a>
        </p>
      </main>
    );
  }
  return <PanelApp tabId={tabId} language={language} send={sendMessage} page={page} />;
}

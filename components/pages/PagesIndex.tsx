import { browser } from 'wxt/browser';
import { translator, type MessageKey } from '@/utils/i18n';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';

/** The extension's pages and what each is for (the toolbar button opens this). */
const pages: ReadonlyArray<{ key: MessageKey; path?: string }> = [
  { key: 'pages.training', path: '/training.html' },
  { key: 'pages.setup', path: '/setup.html' },
  { key: 'pages.settings', path: '/settings.html' },
  { key: 'pages.records.open', path: '/records.html' },
  { key: 'pages.capture', path: '/capture.html' },
  { key: 'pages.dashboard', path: '/dashboard.html' },
  { key: 'pages.portal' },
];

export function PagesIndex() {
  const { settings } = useSettings();
  const language = settings?.language ?? 'vi';
  const t = translator(language);
  return (
    <PageShell language={language} title={t('pages.title')}>
      <p>{t('app.tagline')}</p>
      <ul className="pages">
        {pages.map(({ key, path }) => (
          <li key={key}>
            <span>{t(key)}</span>
            {path && <a href={browser.runtime.getURL(path as '/settings.html')}>{t('pages.open')}</a>}
          </li>
        ))}
      </ul>
    </PageShell>
  );
}

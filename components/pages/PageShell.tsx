import type { ReactNode } from 'react';
import { translator, type Language } from '@/utils/i18n';
import '@/components/pages/page.css';

export function PageShell({ language, title, children }: { language: Language; title: string; children: ReactNode }) {
  const t = translator(language);
  return (
    <main lang={language}>
      <header className="page">
        <h1>{title}</h1>
        <span className="promise">{t('app.name')}</span>
      </header>
      {children}
      <p className="promise">{t('app.promise')}</p>
    </main>
  );
}

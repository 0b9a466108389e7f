import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language } from '@/utils/i18n';
import { builtInPortalHosts, originPatternFor } from '@/utils/portals/hosts';
import { checkNewHost } from '@/utils/settings/add-host';
import { readLocalSettings, updateLocalSettings } from '@/utils/settings/store';

/** The portals motcua runs on: built in, added by policy (locked), added here (Chrome asks once per host). */
export function PortalHosts({
  language,
  extra,
  onChange,
}: {
  language: Language;
  extra: Array<{ host: string; locked: boolean }>;
  onChange: () => Promise<void>;
}) {
  const t = translator(language);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    void (async () => {
      const entries = await Promise.all(
        extra.map(
          async ({ host }) =>
            [host, await browser.permissions.contains({ origins: [originPatternFor(host)] })] as const,
        ),
      );
      setGranted(Object.fromEntries(entries));
    })();
  }, [extra]);

  const requestHost = async (host: string) => {
    // Must run inside the click: Chrome only shows the permission prompt for a user gesture.
    const ok = await browser.permissions.request({ origins: [originPatternFor(host)] });
    setGranted((g) => ({ ...g, [host]: ok }));
    return ok;
  };

  const add = async () => {
    const check = checkNewHost(
      input,
      extra.map((e) => e.host),
    );
    if (!check.ok) return setMessage({ kind: 'error', text: t(check.message, check.params) });
    const ok = await requestHost(check.host);
    // Kept even when refused, so nothing typed is lost; "Cho phép" asks again.
    const local = await readLocalSettings();
    await updateLocalSettings({ extraPortalHosts: [...local.extraPortalHosts, check.host] });
    setInput('');
    setMessage(
      ok
        ? { kind: 'ok', text: t('settings.hosts.added', { host: check.host }) }
        : { kind: 'error', text: t('settings.hosts.denied', { host: check.host }) },
    );
    await onChange();
  };

  const remove = async (host: string) => {
    const local = await readLocalSettings();
    await updateLocalSettings({ extraPortalHosts: local.extraPortalHosts.filter((h) => h !== host) });
    await browser.permissions.remove({ origins: [originPatternFor(host)] });
    await onChange();
  };

  return (
    <>
      <table>
        <tbody>
          {builtInPortalHosts.map((host) => (
            <tr key={host}>
              <td>{host}</td>
              <td>{t('settings.hosts.builtIn')}</td>
              <td />
            </tr>
          ))}
          {extra.map(({ host, locked }) => (
            <tr key={host} data-host={host}>
              <td>{host}</td>
              <td>
                {locked ? `🔒 ${t('settings.locked')}` : t('settings.hosts.extra')}
                {granted[host] === false && ` — ${t('settings.hosts.notGranted')}`}
              </td>
              <td>
                {granted[host] === false && (
                  <button type="button" onClick={() => void requestHost(host)}>
                    {t('settings.hosts.grant')}
                  </button>
                )}{' '}
                {!locked && (
                  <button type="button" onClick={() => void remove(host)}>
                    {t('settings.hosts.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label htmlFor="new-host">{t('settings.hosts.input')}</label>
      <input
        id="new-host"
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
      />{' '}
      <button type="button" className="primary" onClick={() => void add()}>
        {t('settings.hosts.add')}
      </button>
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </>
  );
}

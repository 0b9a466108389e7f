import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language, type Translate } from '@/utils/i18n';
import { builtInPortalHosts } from '@/utils/portals/hosts';
import { addPortalHost, grantedHosts, removePortalHost, requestHost } from '@/utils/settings/portal-hosts';

type ExtraHost = { host: string; locked: boolean };

/** The portals motcua runs on: built in, added by policy (locked), added here (Chrome asks once per host). */
export function PortalHosts({
  language,
  extra,
  onChange,
}: {
  language: Language;
  extra: ExtraHost[];
  onChange: () => Promise<void>;
}) {
  const t = translator(language);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    void grantedHosts(
      extra.map((e) => e.host),
      browser.permissions,
    ).then(setGranted);
  }, [extra]);

  const grant = async (host: string) => {
    const ok = await requestHost(host, browser.permissions);
    setGranted((g) => ({ ...g, [host]: ok }));
  };
  const added = async (host: string, ok: boolean) => {
    setGranted((g) => ({ ...g, [host]: ok }));
    await onChange();
  };
  const remove = async (host: string) => {
    await removePortalHost(host, browser.permissions);
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
          {extra.map((row) => (
            <ExtraHostRow
              key={row.host}
              t={t}
              row={row}
              granted={granted[row.host]}
              onGrant={grant}
              onRemove={remove}
            />
          ))}
        </tbody>
      </table>
      <AddHost t={t} existing={extra.map((e) => e.host)} onAdded={added} />
    </>
  );
}

/** The host typed, checked, asked for and kept; what happened said below it. */
function AddHost({
  t,
  existing,
  onAdded,
}: {
  t: Translate;
  existing: string[];
  onAdded: (host: string, granted: boolean) => Promise<void>;
}) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const add = async () => {
    const outcome = await addPortalHost(input, existing, browser.permissions);
    setMessage({ kind: outcome.kind, text: t(outcome.message, outcome.params) });
    if (!outcome.added) return;
    setInput('');
    await onAdded(outcome.added.host, outcome.added.granted);
  };
  return (
    <>
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

function ExtraHostRow({
  t,
  row: { host, locked },
  granted,
  onGrant,
  onRemove,
}: {
  t: Translate;
  row: ExtraHost;
  granted: boolean | undefined;
  onGrant: (host: string) => Promise<void>;
  onRemove: (host: string) => Promise<void>;
}) {
  return (
    <tr data-host={host}>
      <td>{host}</td>
      <td>
        {locked ? `🔒 ${t('settings.locked')}` : t('settings.hosts.extra')}
        {granted === false && ` — ${t('settings.hosts.notGranted')}`}
      </td>
      <td>
        {granted === false && (
          <button type="button" onClick={() => void onGrant(host)}>
            {t('settings.hosts.grant')}
          </button>
        )}{' '}
        {!locked && (
          <button type="button" onClick={() => void onRemove(host)}>
            {t('settings.hosts.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

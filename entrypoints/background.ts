import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { FrameRegistry } from '@/utils/background/frame-registry';
import { syncExtraHostScripts } from '@/utils/background/extra-hosts';
import { createRouter } from '@/utils/messaging/router';
import { isPortalOrigin } from '@/utils/portals/hosts';
import { recordsDb } from '@/utils/db/instance';
import { lockIfIdle } from '@/utils/security/idle-lock';
import { fillDataWithAddresses, openStore, recordsStatus, relativesOf, unlockFromPanel } from '@/utils/background/records-service';
import { fillRemote, scanRemote, undoRemote } from '@/utils/background/frame-fill';
import { documentFor, pendingFiling, recordFiling, updateFiling } from '@/utils/background/filings-service';
import { openSlip } from '@/utils/background/slips';
import { extraHostNames, forgetManagedSettings, localSettingsItem, readEffectiveSettings } from '@/utils/settings/store';

const idleAlarm = 'motcua-idle-lock';

export default defineBackground(() => {
  const frames = new FrameRegistry();

  const router = createRouter(
    {
      'frame/report': ({ fieldCount }, sender) => {
        return { frames: frames.report(sender.tabId, { frameId: sender.frameId, origin: sender.origin, fieldCount }) };
      },
      'frame/list': (_payload, sender) => {
        return { frames: frames.list(sender.tabId) };
      },
      'settings/get': () => readEffectiveSettings(),
      'records/status': () => recordsStatus(),
      'records/unlock': ({ officerId, secret }) => unlockFromPanel(officerId, secret),
      'records/search': async ({ query }) => ({
        results: (await (await openStore()).search(query, 20)).map(({ id, name, dob, maskedId, address, sex }) => ({ id, name, dob, maskedId, address, sex })),
      }),
      'records/relatives': async ({ personId }) => ({ relatives: await relativesOf(personId) }),
      'records/fill-data': ({ personId }) => fillDataWithAddresses(personId),
      'fill/frames-scan': (_p, sender) => {
        return scanRemote(frames, sender.tabId, sender.origin);
      },
      'fill/frames-run': ({ people }, sender) => {
        return fillRemote(frames, sender.tabId, sender.origin, people);
      },
      'fill/frames-undo': (_p, sender) => {
        return undoRemote(frames, sender.tabId, sender.origin);
      },
      'filings/record': (request, sender) => recordFiling(sender.tabId, new URL(sender.origin).hostname, request),
      'filings/update': (request, sender) => updateFiling(sender.tabId, request),
      'filings/pending': (_p, sender) => pendingFiling(sender.tabId),
      'slip/open': (slip) => openSlip(slip),
      'records/document': ({ personId, kind }) => documentFor(personId, kind),
      'diagnostics/stats': () => structuredClone(router.stats),
    },
    async () => {
      const extra = extraHostNames(await readEffectiveSettings());
      return {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        isPortalOrigin: (origin: string) => isPortalOrigin(origin, extra),
      };
    },
  );

  // A tab that starts loading a new page forgets the old page's frames (status needs no "tabs" permission).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') frames.resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => frames.resetTab(tabId));

  browser.runtime.onMessage.addListener((message, sender) => router.route(message, sender));

  const syncHosts = async () => syncExtraHostScripts(extraHostNames(await readEffectiveSettings()));
  void syncHosts();
  localSettingsItem.watch(() => void syncHosts());
  browser.permissions.onAdded.addListener(() => void syncHosts());
  browser.permissions.onRemoved.addListener(() => void syncHosts());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    forgetManagedSettings();
    void syncHosts();
  });

  // The unwrapped data key lives in storage.session: keep it out of content scripts' reach explicitly.
  void browser.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  void browser.alarms.create(idleAlarm, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== idleAlarm) return;
    void readEffectiveSettings().then(({ idleMinutes }) => lockIfIdle(recordsDb(), idleMinutes));
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/setup.html') });
  });

  // The toolbar button opens the index of the extension's pages (records, dashboard, training, settings).
  browser.action.onClicked.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('/pages.html') });
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { FrameRegistry } from '@/utils/background/frame-registry';
import { syncExtraHostScripts } from '@/utils/background/extra-hosts';
import { createRouter } from '@/utils/messaging/router';
import { isPortalOrigin } from '@/utils/portals/hosts';
import { recordsDb } from '@/utils/db/instance';
import { lockIfIdle } from '@/utils/security/idle-lock';
import { fillDataWithAddresses, openStore, recordsStatus, relativesOf } from '@/utils/background/records-service';
import { documentFor, pendingFiling, recordFiling, updateFiling } from '@/utils/background/filings-service';
import { openSlip } from '@/utils/background/slips';
import { enablePanelFor, openPanelCommand, panelFocusMessage } from '@/utils/background/side-panel';
import {
  extraHostNames,
  forgetManagedSettings,
  localSettingsItem,
  readEffectiveSettings,
} from '@/utils/settings/store';

const idleAlarm = 'motcua-idle-lock';

export default defineBackground(() => {
  const frames = new FrameRegistry();

  const router = createRouter(
    {
      'frame/report': async ({ fieldCount }, sender) => {
        // A portal page in a tab's top frame gets the helper panel beside it (Chrome's side panel, per tab).
        if (sender.frameId === 0) void enablePanelFor(sender.tabId);
        return {
          frames: await frames.report(sender.tabId, { frameId: sender.frameId, origin: sender.origin, fieldCount }),
        };
      },
      'frame/list': async ({ tabId }) => ({ frames: await frames.list(tabId) }),
      'settings/get': () => readEffectiveSettings(),
      'records/status': () => recordsStatus(),
      'records/search': async ({ query }) => ({
        results: (await (await openStore()).search(query, 20)).map(({ id, name, dob, maskedId, address, sex }) => ({
          id,
          name,
          dob,
          maskedId,
          address,
          sex,
        })),
      }),
      'records/relatives': async ({ personId }) => ({ relatives: await relativesOf(personId) }),
      'records/fill-data': ({ personId }) => fillDataWithAddresses(personId),
      'filings/record': (request) => recordFiling(request),
      'filings/update': (request) => updateFiling(request),
      'filings/pending': ({ tabId }) => pendingFiling(tabId),
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
    if (change.status === 'loading') void frames.resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void frames.resetTab(tabId));

  browser.runtime.onMessage.addListener((message, sender) => {
    // The panel's own broadcast (focus after Alt+K) is for the panel, not for the router.
    if ((message as { channel?: string } | null)?.channel === panelFocusMessage.channel) return undefined;
    return router.route(message, sender);
  });

  // Alt+K (and the toolbar button) opens the panel beside the page, with the cursor in "Tìm công dân".
  browser.commands.onCommand.addListener((command, tab) => openPanelCommand(command, tab?.id));
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

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
});

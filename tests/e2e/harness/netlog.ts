/** What one URL request in Chromium's net log says about itself. */
export interface LoggedRequest {
  url: string;
  /** The origin that caused it: a page, `chrome-extension://<id>`, or "not an origin" for the browser itself. */
  initiator: string;
  requestType: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; params?: Record<string, unknown> }>;
}

/** Every URL request job Chromium started (navigations, subresources, fetches from pages and workers). */
export function requestsInNetLog(text: string): LoggedRequest[] {
  const log = JSON.parse(text) as NetLog;
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && typeof e.params?.url === 'string')
    .map((e) => ({
      url: e.params!.url as string,
      initiator: String(e.params!.initiator ?? ''),
      requestType: String(e.params!.request_type ?? ''),
    }));
}

/**
 * Chromium's own housekeeping (clock sync, component updates, account checks): started by the browser,
 * not by any page or extension, always of type "other". They cannot reach the network here (every host
 * but the replicas resolves to nothing), and they carry no page data.
 */
export function isBrowserHousekeeping(request: LoggedRequest): boolean {
  return request.initiator === 'not an origin' && request.requestType === 'other';
}

const localSchemes = ['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:'];

/** Requests in the net log (browser housekeeping aside) that went anywhere but the extension and the replicas. */
export function outsideRequests(netLog: string, replicaHosts: readonly string[]): LoggedRequest[] {
  return requestsInNetLog(netLog)
    .filter((r) => !isBrowserHousekeeping(r))
    .filter((r) => {
      const url = new URL(r.url);
      return !localSchemes.includes(url.protocol) && !replicaHosts.includes(url.hostname);
    });
}

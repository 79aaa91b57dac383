import { DEMO_PROTOCOL, invokePath, pushMessageSchema, type Transport } from '@headroom/contract';

/** Where the demo page keeps its token after taking it out of the address bar. */
const TOKEN_KEY = 'headroom.demoToken';

/**
 * Take the demo token from the URL fragment (`#token=...`), keep it for reloads of this tab, and remove it from
 * the address bar so it is not copied along with the URL.
 */
export function takeDemoToken(win: Window): string | undefined {
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get(DEMO_PROTOCOL.tokenFragment);
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return fromHash;
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/**
 * The browser demo's transport: invokes are POSTs carrying the token header, pushes arrive on one shared
 * server-sent event stream that opens with the first listener and closes with the last.
 */
export function createHttpTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let events: EventSource | undefined;

  const listenerCount = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const open = (): EventSource => {
    const source = new EventSource(
      `${DEMO_PROTOCOL.eventsPath}?${DEMO_PROTOCOL.tokenQuery}=${encodeURIComponent(token)}`,
    );
    source.onmessage = (event: MessageEvent<string>) => {
      const message = pushMessageSchema.safeParse(JSON.parse(event.data));
      if (!message.success) return;
      listeners.get(message.data.channel)?.forEach((listener) => listener(message.data.payload));
    };
    return source;
  };

  return {
    async invoke(channel, request) {
      const response = await fetch(invokePath(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEMO_PROTOCOL.tokenHeader]: token },
        ...(request === undefined ? {} : { body: JSON.stringify(request) }),
      });
      return (await response.json()) as unknown;
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      events ??= open();
      return () => {
        set.delete(listener);
        if (listenerCount() === 0) {
          events?.close();
          events = undefined;
        }
      };
    },
  };
}

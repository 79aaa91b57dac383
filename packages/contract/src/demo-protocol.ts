import { z } from 'zod';

/**
 * The browser demo's wire protocol: `POST {invokePath(channel)}` with a JSON body answers an envelope, and
 * `GET {eventsPath}` is a server-sent event stream of {@link pushMessageSchema} messages. Every API call carries
 * the per-run token: in a header for POST, in the query for the event stream (EventSource cannot set headers).
 * The demo URL hands the token to the page in its fragment, which browsers never send to a server.
 */
export const DEMO_PROTOCOL = {
  invokePrefix: '/api/invoke/',
  eventsPath: '/api/events',
  tokenHeader: 'x-headroom-token',
  tokenQuery: 'token',
  tokenFragment: 'token',
} as const;

/** The path a demo invoke is POSTed to. */
export function invokePath(channel: string): string {
  return `${DEMO_PROTOCOL.invokePrefix}${encodeURIComponent(channel)}`;
}

/** One server-sent event of the demo: a push channel and its payload. */
export const pushMessageSchema = z.object({ channel: z.string(), payload: z.unknown() });

/** A {@link pushMessageSchema} value. */
export type PushMessage = z.infer<typeof pushMessageSchema>;

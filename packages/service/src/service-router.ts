import {
  invokeChannels,
  isInvokeChannel,
  isPushChannel,
  type Envelope,
  type ErrorPayload,
  type Transport,
} from '@headroom/contract';
import { toErrorPayload } from './error-payload';
import type { HeadroomService } from './headroom-service';

/**
 * The service as seen from a transport: untrusted channel names and payloads in, envelopes out. Electron's IPC
 * handler and the demo server both call it; it has the {@link Transport} shape, so tests bridge to it directly.
 */
export interface ServiceRouter extends Transport {
  invoke(channel: string, request: unknown): Promise<Envelope>;
}

const failure = (error: ErrorPayload): Envelope => ({ ok: false, error });

/** Validate every call against the contract before the service sees it, and every answer before it leaves. */
export function createServiceRouter(service: HeadroomService): ServiceRouter {
  return {
    async invoke(channel, request) {
      if (!isInvokeChannel(channel)) {
        return failure({ code: 'unknown-channel', message: `There is no channel named "${channel}".` });
      }
      const spec = invokeChannels[channel];
      const parsed = spec.request.safeParse(request);
      if (!parsed.success) {
        return failure({
          code: 'invalid-request',
          message: `Bad request for ${channel}: ${parsed.error.message}`,
        });
      }
      const handler = service.handlers[channel] as (request: unknown) => Promise<unknown>;
      try {
        const value = spec.response.parse(await handler(parsed.data));
        return { ok: true, value };
      } catch (error) {
        return failure(toErrorPayload(error));
      }
    },
    subscribe(channel, listener) {
      if (!isPushChannel(channel)) throw new Error(`There is no push channel named "${channel}".`);
      return service.on(channel, listener);
    },
  };
}

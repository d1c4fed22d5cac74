/** A per-replica cache of what a client may do (API keys, token status, session identity). */
export interface ClientChangeListener {
  /** The client changed (disabled, key rotated or revoked, roles, agencies, expiry, rate limits): drop all it holds for it. */
  forgetClient(clientId: string): void;
  /** Changes may have been missed (the channel was down): drop everything. */
  forgetAll(): void;
}

/** The message on the channel: the changed client's id, and nothing else (no key, no hint at what changed). */
export const encodeClientChange = (clientId: string): string => JSON.stringify({ clientId });

/** The client id a message names, or undefined for anything else (a message is never trusted to do more). */
export function decodeClientChange(message: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(message);
    const clientId = (parsed as { clientId?: unknown } | null)?.clientId;
    return typeof clientId === 'string' && clientId.length > 0 && clientId.length <= 200 ? clientId : undefined;
  } catch {
    return undefined;
  }
}

/** The caches of this replica that a client change must reach. */
export class ClientChangeListeners {
  private readonly listeners = new Set<ClientChangeListener>();

  add(listener: ClientChangeListener): void {
    this.listeners.add(listener);
  }

  forgetClient(clientId: string): void {
    for (const listener of this.listeners) listener.forgetClient(clientId);
  }

  forgetAll(): void {
    for (const listener of this.listeners) listener.forgetAll();
  }

  /** A message from the channel; returns the client it named, or undefined if it was ignored. */
  receive(message: string): string | undefined {
    const clientId = decodeClientChange(message);
    if (clientId !== undefined) this.forgetClient(clientId);
    return clientId;
  }
}

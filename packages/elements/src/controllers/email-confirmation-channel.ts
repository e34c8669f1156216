import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the tabs of one browser tell each other about a confirmation link. Never a token. */
export type EmailConfirmationMessage =
  /** A tab opened the link and confirmed the address of `flowId`. */
  | { kind: 'confirmed'; flowId: string }
  /** The tab where `flowId` started has taken it on; the tab that opened the link can step back. */
  | { kind: 'continuing'; flowId: string };

const channelName = 'pforte-email-confirmation';

function isMessage(data: unknown): data is EmailConfirmationMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, flowId } = data as Record<string, unknown>;
  return (kind === 'confirmed' || kind === 'continuing') && typeof flowId === 'string';
}

/**
 * Lets the tab that waits on "check your inbox" learn that the confirmation
 * link was opened in another tab (an e-mail client opens links in a new one),
 * and lets that new tab learn that the first tab goes on. Same-origin tabs
 * only (BroadcastChannel); the messages name the flow, never the token. Open
 * while the host is connected; without BroadcastChannel it does nothing.
 */
export class EmailConfirmationChannel implements ReactiveController {
  private channel: BroadcastChannel | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onMessage: (message: EmailConfirmationMessage) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(channelName);
    this.channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isMessage(event.data)) this.onMessage(event.data);
    });
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = undefined;
  }

  /** Tells the other tabs of this origin. */
  post(message: EmailConfirmationMessage): void {
    this.channel?.postMessage(message);
  }
}

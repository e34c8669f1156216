import type { ReactiveController, ReactiveControllerHost } from 'lit';

const fragmentKey = 'pforte-email-token';

/**
 * Watches the page's URL fragment for an e-mail confirmation token
 * (`#pforte-email-token=…`, the link in the verification e-mail), hands it to
 * `onToken` and removes it from the address bar at once, so the token does
 * not linger in the URL or the history. Listens only while connected.
 */
export class EmailLinkController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onToken: (token: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.check);
    this.check();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.check);
  }

  private readonly check = (): void => {
    const token = new URLSearchParams(location.hash.slice(1)).get(fragmentKey);
    if (!token) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    this.onToken(token);
  };
}

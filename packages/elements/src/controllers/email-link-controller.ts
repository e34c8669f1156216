import type { ReactiveController, ReactiveControllerHost } from 'lit';

const fragmentKey = 'pforte-email-token';

/**
 * The query parameter that carries the product id in the confirmation link's
 * return address, so the page (and `<pforte-signup>`) that the link opens in
 * a new tab knows which product's registration it continues.
 */
export const productParameter = 'pforte-product';

/** This page's address without its fragment, with `productId` (when given) in `pforte-product`: where a confirmation link leads back to. */
export function confirmationReturnUrl(productId: string): string {
  const url = new URL(location.href);
  url.hash = '';
  if (productId) url.searchParams.set(productParameter, productId);
  return url.href;
}

/**
 * Watches the page's URL fragment for the token of an e-mailed link
 * (`#pforte-email-token=…`, the link in the verification e-mail, unless
 * `fragment` names another member: a reset link's `pforte-reset-token`, a
 * guest invitation's), hands it to `onToken` and removes it from the address
 * bar at once, so the token does not linger in the URL or the history.
 * Listens only while connected.
 */
export class EmailLinkController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onToken: (token: string) => void,
    private readonly fragment: string = fragmentKey,
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
    const token = new URLSearchParams(location.hash.slice(1)).get(this.fragment);
    if (!token) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    this.onToken(token);
  };
}

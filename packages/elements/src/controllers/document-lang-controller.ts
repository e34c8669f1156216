import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onChange` when the page's `<html lang>` changes, so a widget that
 * follows the page language switches with it. Stops observing on disconnect.
 */
export class DocumentLangController implements ReactiveController {
  private observer: MutationObserver | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.onChange());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyLanguage, getLocale } from '../localization/localization.js';

/**
 * For an element that follows the page's Pforte locale (`setLocale`) instead
 * of a `locale` of its own: sets its `lang` and, unless the page set `dir`,
 * its direction before every update, and is {@link ready} once the text of
 * the element's message group is loaded, so it never renders first in English.
 */
export class PageLocaleController implements ReactiveController {
  /** The element's text in the active locale is there. */
  ready = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly textLoaded: Promise<void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.textLoaded.then(() => {
      this.ready = true;
      this.host.requestUpdate();
    });
  }

  hostUpdate(): void {
    applyLanguage(this.host, getLocale());
  }
}

/**
 * The demo page's "Sign in" and "Account" tabs beside "Register":
 * `<pforte-signin>` and `<pforte-account>` for the chosen product against the
 * same backend as the registration (the memory adapter the register tab uses,
 * or the reference server behind /pforte), so an account registered in one
 * tab signs in in the next and manages its organization in the third. On the
 * memory adapter a button moves the demo clock on by five minutes, to see a
 * lock end.
 */
import type { Clock, PforteAccount, PforteConfigInput, PforteSignin } from '@pforte/elements';
import type { MemoryAdapter } from '@pforte/core/memory';

const texts = {
  de: {
    tabs: 'Registrieren, anmelden, Konto',
    register: 'Registrieren',
    signIn: 'Anmelden',
    account: 'Konto',
    advance: 'Uhr der Demo um 5 Minuten vorstellen',
    advanced: 'Die Uhr der Demo geht jetzt {0} Minuten vor.',
  },
  en: {
    tabs: 'Register, sign in, account',
    register: 'Register',
    signIn: 'Sign in',
    account: 'Account',
    advance: "Move the demo's clock on by 5 minutes",
    advanced: "The demo's clock is now {0} minutes ahead.",
  },
};
type Locale = keyof typeof texts;

/** The time of the memory adapter and of its widgets: the system's, moved on by the demo's button. */
let offsetMs = 0;
export const demoClock: Clock = { now: () => Date.now() + offsetMs };

/** What the sign-in tab signs in to: the product, and the register tab's backend. */
export interface SignInBackend {
  config: PforteConfigInput;
  /** The memory adapter of the register tab; without it, `endpoint`. */
  adapter?: MemoryAdapter;
  endpoint?: string;
}

declare global {
  interface Window {
    /** The demo's memory backend, for the console and the end-to-end tests (e.g. `createAccount` as a practice would). */
    pforteDemo?: { memoryAdapter: MemoryAdapter | undefined };
  }
}

/**
 * Adds the tabs above the register tab's `registerPanel`, and the sign-in and
 * account panels below it. `log` receives each event of their widgets.
 */
export function createSignInTab(options: {
  registerPanel: HTMLElement;
  localeSelect: HTMLSelectElement;
  themeSelect: HTMLSelectElement;
  log: (line: string) => void;
  /** Something happened in the sign-in widget; `step` is the stage it now shows, after a step change. */
  onActivity: (step?: string) => void;
}) {
  const { registerPanel, localeSelect, themeSelect } = options;
  const locale = (): Locale => (localeSelect.value === 'en' ? 'en' : 'de');

  const tablist = document.createElement('div');
  tablist.className = 'demo-tabs';
  tablist.setAttribute('role', 'tablist');
  const registerTab = tab('demo-tab-register', registerPanel);
  const signInPanel = document.createElement('div');
  signInPanel.id = 'signin-slot';
  const signInTab = tab('demo-tab-signin', signInPanel);
  const accountPanel = document.createElement('div');
  accountPanel.id = 'account-slot';
  const accountTab = tab('demo-tab-account', accountPanel);
  const tabs = [
    [registerTab, registerPanel],
    [signInTab, signInPanel],
    [accountTab, accountPanel],
  ] as const;
  tablist.append(registerTab, signInTab, accountTab);
  registerPanel.before(tablist);
  registerPanel.after(signInPanel, accountPanel);
  for (const [, panel] of tabs) panel.setAttribute('role', 'tabpanel');

  const clockRow = document.createElement('p');
  clockRow.className = 'demo-clock';
  const advanceButton = document.createElement('button');
  advanceButton.type = 'button';
  const clockStatus = document.createElement('span');
  clockStatus.setAttribute('role', 'status');
  clockRow.append(advanceButton, clockStatus);

  let widget: PforteSignin | undefined;
  let accountWidget: PforteAccount | undefined;

  function tab(id: string, panel: HTMLElement): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = id;
    button.setAttribute('role', 'tab');
    if (!panel.id) panel.id = `${id}-panel`;
    button.setAttribute('aria-controls', panel.id);
    panel.setAttribute('aria-labelledby', id);
    button.addEventListener('click', () => select(button));
    return button;
  }

  function select(chosen: HTMLButtonElement): void {
    // Each element loads when its tab is first chosen: the register tab's page does not wait for them.
    if (chosen === signInTab) void import('@pforte/elements/define/signin.js');
    if (chosen === accountTab) {
      void import('@pforte/elements/define/account.js');
      // Someone may have signed in or out in the sign-in tab meanwhile (the element is defined once loaded).
      if (accountWidget && customElements.get('pforte-account')) void accountWidget.refresh();
    }
    for (const [button, panel] of tabs) {
      const selected = button === chosen;
      button.setAttribute('aria-selected', String(selected));
      // Roving tabindex: Tab reaches the chosen tab, the arrow keys the other.
      button.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
  }

  // The tabs pattern of the ARIA practices: arrows (and Home/End) move between the tabs and show their panel.
  tablist.addEventListener('keydown', (event) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const buttons = tabs.map(([button]) => button);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const index = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (current + step + buttons.length) % buttons.length;
    const next = buttons[index]!;
    select(next);
    next.focus();
  });

  advanceButton.addEventListener('click', () => {
    offsetMs += 5 * 60_000;
    clockStatus.textContent = texts[locale()].advanced.replace('{0}', String(offsetMs / 60_000));
    widget?.refreshCountdown();
  });

  function applyLanguage(): void {
    const text = texts[locale()];
    tablist.setAttribute('aria-label', text.tabs);
    registerTab.textContent = text.register;
    signInTab.textContent = text.signIn;
    accountTab.textContent = text.account;
    advanceButton.textContent = text.advance;
    if (widget) widget.locale = localeSelect.value;
    if (accountWidget) accountWidget.locale = localeSelect.value;
  }

  localeSelect.addEventListener('change', applyLanguage);
  themeSelect.addEventListener('change', () => {
    widget?.style.setProperty('color-scheme', themeSelect.value);
    accountWidget?.style.setProperty('color-scheme', themeSelect.value);
  });
  select(registerTab);
  applyLanguage();

  return {
    /** Mounts a fresh `<pforte-signin>` and `<pforte-account>` for the product and backend the register tab now uses. */
    connect(backend: SignInBackend): void {
      const element = document.createElement('pforte-signin');
      element.config = backend.config;
      if (backend.adapter) {
        element.adapter = backend.adapter;
        element.clock = demoClock;
      } else if (backend.endpoint) {
        // As a product team writes it: `<pforte-signin endpoint="/pforte">`; the session is the server's HttpOnly cookie.
        element.setAttribute('endpoint', backend.endpoint);
      }
      element.locale = localeSelect.value;
      element.style.colorScheme = themeSelect.value;
      for (const type of ['pforte-step-change', 'pforte-signed-in', 'pforte-signed-out', 'pforte-error'] as const) {
        element.addEventListener(type, (event) => {
          options.log(`${type} ${JSON.stringify(event.detail)}`);
          options.onActivity(type === 'pforte-step-change' ? (event.detail as { step: string }).step : undefined);
        });
      }
      widget = element;
      window.pforteDemo = { memoryAdapter: backend.adapter };
      signInPanel.replaceChildren(element, ...(backend.adapter ? [clockRow] : []));

      const account = document.createElement('pforte-account');
      account.config = backend.config;
      if (backend.adapter) {
        account.adapter = backend.adapter;
        account.clock = demoClock;
      } else if (backend.endpoint) {
        account.setAttribute('endpoint', backend.endpoint);
      }
      account.locale = localeSelect.value;
      account.style.colorScheme = themeSelect.value;
      for (const type of ['pforte-account-change', 'pforte-error'] as const) {
        account.addEventListener(type, (event) => {
          options.log(`${type} ${JSON.stringify(event.detail)}`);
          options.onActivity();
        });
      }
      accountWidget = account;
      accountPanel.replaceChildren(account);
    },
  };
}

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock, PforteError } from '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteConfigInput } from '@pforte/elements';
import '@pforte/elements';
import { badConfig } from './support/configs.js';
import { click, typeInto, until } from './support/drive.js';

interface Args {
  config: PforteConfigInput;
}

interface Backend {
  adapter: MemoryAdapter | undefined;
  clock: ManualClock;
}

/** A fresh memory backend; `<pforte-signup>` opens the flow itself. `script` scripts failures before it does. */
function backend(script: (adapter: MemoryAdapter) => void = () => {}) {
  return async (): Promise<Backend> => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, takenUsernames: ['vergeben'] });
    script(adapter);
    return { adapter, clock };
  };
}

const shortFlow: PforteConfigInput = {
  product: 'Videosprechstunde',
  username: { kind: 'username' },
  steps: ['credentials', 'done'],
};

/**
 * The flow host: reads `config`, talks to `adapter`, renders the configured
 * steps in order and moves focus to each new step's heading. The locale
 * comes from the toolbar through `<html lang>`.
 */
const meta: Meta<Args> = {
  title: 'Flow/Signup',
  component: 'pforte-signup',
  tags: ['autodocs'],
  args: { config: shortFlow },
  argTypes: { config: { control: 'object' } },
  loaders: [backend()],
  render: (args, { loaded }) => {
    const { adapter } = loaded as Backend;
    return html`<pforte-signup .config=${args.config} .adapter=${adapter}></pforte-signup>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function register(canvasElement: HTMLElement): Promise<void> {
  await typeInto(canvasElement, 'input[name="username"]', 'anna.schmidt');
  await typeInto(canvasElement, 'input[name="password"]', 'Sprechstunde am Mittwoch');
  await click(canvasElement, 'button[type="submit"]');
}

const alertShown = (root: HTMLElement) => () => (root.querySelector('.pf-alert')?.textContent ?? '').trim() !== '';

/** The first step, ready to type. */
export const FirstStep: Story = {};

/** Opening the flow: the backend has not answered yet. */
export const Loading: Story = { loaders: [backend((adapter) => adapter.failNext('startRegistration', 'hang'))] };

/** `link.expired`: the registration link is too old (seed 001: valid 14 days). */
export const LinkExpired: Story = {
  loaders: [backend((adapter) => adapter.failNext('startRegistration', new PforteError('link.expired')))],
};

/** `link.used`: the registration was already completed with this link. */
export const LinkUsed: Story = {
  loaders: [backend((adapter) => adapter.failNext('startRegistration', new PforteError('link.used')))],
};

/** `network` while opening the flow, with "Try again". */
export const StartNetworkError: Story = {
  loaders: [backend((adapter) => adapter.failNext('startRegistration', 'offline'))],
};

/** `timeout` from the flow host's own guard: the backend did not answer within `requestTimeoutMs` (1 s here). */
export const GuardTimeout: Story = {
  args: { config: { ...shortFlow, requestTimeoutMs: 1000 } },
  loaders: [backend((adapter) => adapter.failNext('startRegistration', 'hang'))],
  play: async ({ canvasElement }) => {
    await until('the alert', alertShown(canvasElement));
  },
};

/** Credentials accepted; the account is being created. */
export const Finishing: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as Backend).adapter?.failNext('complete', 'hang');
    await register(canvasElement);
    await until('finishing', () => canvasElement.querySelector('[aria-busy="true"]') !== null);
  },
};

/** Creating the account failed (`network`): "Try again" repeats only that call. */
export const CompleteFailed: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as Backend).adapter?.failNext('complete', 'offline');
    await register(canvasElement);
    await until('the alert', alertShown(canvasElement));
  },
};

/** The whole flow typed through: done. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    await register(canvasElement);
    await until('done', () => canvasElement.querySelector('pforte-done-step') !== null);
  },
};

/** Product wording through `strings`, without a rebuild ("Praxis" instead of the default). */
export const StringOverrides: Story = {
  args: {
    config: {
      ...shortFlow,
      strings: {
        de: { 'credentials.heading.email': 'Zugang für Ihre Praxis anlegen' },
        en: { 'credentials.heading.email': 'Create access for your practice' },
      },
    },
  },
};

/** A bad config: one readable error naming the path, never a blank widget (it is also logged and sent as `pforte-error`). */
export const BadConfig: Story = {
  tags: ['expect-console-error', '!autodocs'],
  args: { config: badConfig },
};

/** No adapter connected: says so instead of staying blank. */
export const NoAdapter: Story = {
  loaders: [async () => ({ adapter: undefined, clock: createManualClock() })],
};

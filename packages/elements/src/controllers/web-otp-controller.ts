import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface OtpCredential extends Credential {
  code: string;
}

/**
 * WebOTP: where the browser supports it (`'OTPCredential' in window`), asks
 * for the code of an incoming SMS while the host is on the page, and hands
 * it to `onCode`. The request is aborted when the host is removed.
 */
export class WebOtpController implements ReactiveController {
  private abortController: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onCode: (code: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!('OTPCredential' in window) || !navigator.credentials?.get) return;
    this.abortController?.abort();
    const abortController = new AbortController();
    this.abortController = abortController;
    // `otp` is not yet in TypeScript's DOM types.
    const options = { otp: { transport: ['sms'] }, signal: abortController.signal } as CredentialRequestOptions;
    navigator.credentials.get(options).then(
      (credential) => {
        const code = (credential as OtpCredential | null)?.code;
        if (code && !abortController.signal.aborted) this.onCode(code);
      },
      () => {
        // Aborted, denied or unavailable: the person types or pastes the code.
      },
    );
  }

  hostDisconnected(): void {
    this.abortController?.abort();
    this.abortController = undefined;
  }
}

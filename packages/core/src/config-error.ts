/** A bad configuration. `path` names the place (`steps[2].codeLength`); `issue` says what is wrong. */
export class ConfigError extends Error {
  readonly path: string;
  readonly issue: string;

  constructor(path: string, issue: string) {
    super(path === '' ? issue : `${path}: ${issue}`);
    this.name = 'ConfigError';
    this.path = path;
    this.issue = issue;
  }
}

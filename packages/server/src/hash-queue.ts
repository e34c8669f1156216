/** Limits of a {@link HashQueue}. */
export interface HashQueueOptions {
  /** Slow hashes running at once (default 2: scrypt runs on libuv's pool of 4 threads, leaving room for the rest). */
  concurrency?: number;
  /** Hashes waiting beyond those running; past it the server answers 503 with Retry-After (default 32). */
  maxWaiting?: number;
  /** Hashes of one client running or waiting at once; past it that client gets 503 (default 4). */
  maxPerClient?: number;
}

/** What a {@link HashQueue} has done, for tests and metrics. */
export interface HashQueueStats {
  running: number;
  waiting: number;
  /** Hashes run to the end since the start. */
  completed: number;
  /** Requests turned away because the queue or the client's share was full. */
  refused: number;
}

/** Thrown when a hash cannot even wait: the server answers 503 with `Retry-After`. */
export class HashQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many slow hashes waiting');
  }
}

interface Job {
  client: string;
  start(): void;
}

/**
 * Runs slow hashes (scrypt) a few at a time, taking turns between clients:
 * each client has its own line, and a free slot goes to the client served
 * longest ago, so a client flooding the server waits behind itself, not in
 * front of everyone else. A client's share and the total backlog are bounded; past
 * them the request is refused at once instead of holding a connection.
 */
export class HashQueue {
  readonly #concurrency: number;
  readonly #maxWaiting: number;
  readonly #maxPerClient: number;
  /** Waiting jobs per client. */
  readonly #lines = new Map<string, Job[]>();
  /** Jobs per client, running or waiting. */
  readonly #perClient = new Map<string, number>();
  /** When each client with jobs last had one started (a sequence number). */
  readonly #lastStarted = new Map<string, number>();
  #started = 0;
  #running = 0;
  #waiting = 0;
  #completed = 0;
  #refused = 0;

  constructor({ concurrency = 2, maxWaiting = 32, maxPerClient = 4 }: HashQueueOptions = {}) {
    this.#concurrency = concurrency;
    this.#maxWaiting = maxWaiting;
    this.#maxPerClient = maxPerClient;
  }

  get stats(): HashQueueStats {
    return { running: this.#running, waiting: this.#waiting, completed: this.#completed, refused: this.#refused };
  }

  /** Runs `hash` when it is `client`'s turn; throws {@link HashQueueFull} when it cannot wait. */
  run<T>(client: string, hash: () => Promise<T>): Promise<T> {
    const share = this.#perClient.get(client) ?? 0;
    const mustWait = this.#running >= this.#concurrency;
    if (share >= this.#maxPerClient || (mustWait && this.#waiting >= this.#maxWaiting)) {
      this.#refused++;
      // A hash takes well under a second; by then a slot has usually freed.
      throw new HashQueueFull(1 + Math.ceil(this.#waiting / this.#concurrency));
    }
    this.#perClient.set(client, share + 1);
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        client,
        start: () => {
          this.#running++;
          this.#lastStarted.set(client, ++this.#started);
          hash()
            .then(resolve, reject)
            .finally(() => {
              this.#running--;
              this.#completed++;
              const left = (this.#perClient.get(client) ?? 1) - 1;
              if (left === 0) {
                this.#perClient.delete(client);
                this.#lastStarted.delete(client);
              } else {
                this.#perClient.set(client, left);
              }
              this.#next();
            });
        },
      };
      if (!mustWait) {
        job.start();
        return;
      }
      this.#waiting++;
      const line = this.#lines.get(client);
      if (line) line.push(job);
      else this.#lines.set(client, [job]);
    });
  }

  #next(): void {
    let chosen: string | undefined;
    for (const client of this.#lines.keys()) {
      if (chosen === undefined || (this.#lastStarted.get(client) ?? 0) < (this.#lastStarted.get(chosen) ?? 0)) chosen = client;
    }
    if (chosen === undefined) return;
    const line = this.#lines.get(chosen)!;
    const job = line.shift()!;
    if (line.length === 0) this.#lines.delete(chosen);
    this.#waiting--;
    job.start();
  }
}

/**
 * One writer, many readers, on the store's one DuckDB connection. Reads on a connection run concurrently, but a
 * read issued while a write transaction is open would run inside that transaction and see its uncommitted rows —
 * so a write waits for the reads in flight, and new reads wait for the write (writers first, so that a stream of
 * reads cannot starve an import). Each request holds a read share for its whole duration; a request that then
 * writes gives its share up while it writes (else it would wait for itself) and takes it back after.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A read share held by the current request (released by the lock while the request writes). */
interface ReadShare {
  held: boolean;
}

/** A readers–writer lock with writer preference. */
export class StoreLock {
  #readers = 0;
  #writing = false;
  #waitingWriters: (() => void)[] = [];
  #waitingReaders: (() => void)[] = [];
  readonly #share = new AsyncLocalStorage<ReadShare>();

  /** Readers holding the lock now. */
  get readers(): number {
    return this.#readers;
  }

  /** Whether a writer holds the lock now. */
  get writing(): boolean {
    return this.#writing;
  }

  async #acquireRead(): Promise<void> {
    if (!this.#writing && this.#waitingWriters.length === 0) {
      this.#readers++;
      return;
    }
    await new Promise<void>((resolve) => this.#waitingReaders.push(resolve));
  }

  #releaseRead(): void {
    this.#readers--;
    this.#wake();
  }

  async #acquireWrite(): Promise<void> {
    if (!this.#writing && this.#readers === 0) {
      this.#writing = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waitingWriters.push(resolve));
  }

  #releaseWrite(): void {
    this.#writing = false;
    this.#wake();
  }

  /** Hand the lock to the next waiter(s): a writer when no reader is left, else every waiting reader. */
  #wake(): void {
    if (this.#writing) return;
    if (this.#waitingWriters.length > 0) {
      if (this.#readers === 0) {
        this.#writing = true;
        this.#waitingWriters.shift()?.();
      }
      return;
    }
    const readers = this.#waitingReaders;
    this.#waitingReaders = [];
    this.#readers += readers.length;
    for (const wake of readers) wake();
  }

  /** Run `fn` holding a read share (for a request's whole duration). */
  async read<T>(fn: () => Promise<T>): Promise<T> {
    await this.#acquireRead();
    const share: ReadShare = { held: true };
    try {
      return await this.#share.run(share, fn);
    } finally {
      if (share.held) this.#releaseRead();
      share.held = false;
    }
  }

  /** Run `fn` as the only user of the store; the caller's read share, if any, is given up meanwhile. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    const share = this.#share.getStore();
    const gaveUp = share?.held === true;
    if (gaveUp && share !== undefined) {
      share.held = false;
      this.#releaseRead();
    }
    await this.#acquireWrite();
    try {
      return await fn();
    } finally {
      this.#releaseWrite();
      if (gaveUp && share !== undefined) {
        await this.#acquireRead();
        share.held = true;
      }
    }
  }
}

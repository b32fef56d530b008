/**
 * Runs async sections one at a time: every state change goes through one. Sections run in call
 * order, except that `runFirst` sections go before every section still waiting: the end of a
 * grant must not queue behind a flood of status reads (docs/threat-model.md).
 */
export class Mutex {
  private busy = false;
  private readonly first: Array<() => void> = [];
  private readonly waiting: Array<() => void> = [];

  /**
   * `afterEach` runs when each section ends (even a failed one) and is awaited before the next
   * section starts and before the section's caller resumes.
   */
  constructor(private readonly afterEach: () => void | Promise<void> = () => undefined) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.enqueue(fn, this.waiting);
  }

  runFirst<T>(fn: () => Promise<T>): Promise<T> {
    return this.enqueue(fn, this.first);
  }

  private enqueue<T>(fn: () => Promise<T>, queue: Array<() => void>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        let section: Promise<T>;
        try {
          section = fn();
        } catch (err) {
          section = Promise.reject(err as Error);
        }
        void section
          .finally(this.afterEach)
          .then(resolve, reject)
          .finally(() => this.next());
      });
      if (this.busy) return;
      // Never in the caller's own stack: a section starts once the caller's code has run on.
      this.busy = true;
      queueMicrotask(() => this.next());
    });
  }

  private next(): void {
    const section = this.first.shift() ?? this.waiting.shift();
    if (!section) {
      this.busy = false;
      return;
    }
    section();
  }
}

/** Runs async sections one at a time, in call order: every state change goes through one. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * `afterEach` runs when each section ends (even a failed one) and is awaited before the next
   * section starts and before the section's caller resumes.
   */
  constructor(private readonly afterEach: () => void | Promise<void> = () => undefined) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    const section = (): Promise<T> => fn().finally(this.afterEach);
    const result = this.tail.then(section, section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

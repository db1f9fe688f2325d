/**
 * What the persistence wiring opened and must close at shutdown (connections, pools, workers, timers),
 * closed in reverse order of opening: the token cache before the pool it reads through, the pool last.
 */
export class PersistenceResources {
  private readonly closers: Array<() => Promise<void> | void> = [];

  onClose(close: () => Promise<void> | void): void {
    this.closers.push(close);
  }

  async closeAll(): Promise<void> {
    const errors: unknown[] = [];
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        errors.push(error); // close the rest anyway
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}

export const PERSISTENCE_RESOURCES = Symbol('PERSISTENCE_RESOURCES');

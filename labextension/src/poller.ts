/**
 * Reload something on a fixed beat while it is on screen.
 */
import { Poll } from '@lumino/polling';

/**
 * A poll that calls `refresh` every `interval` ms once started, backs off
 * while `refresh` fails, and stands by while the browser tab is hidden.
 */
export class Poller {
  constructor(refresh: () => Promise<boolean>, interval: number) {
    this._poll = new Poll<void, Error, 'standby'>({
      auto: false,
      factory: async () => {
        if (!(await refresh())) {
          throw new Error('refresh failed');
        }
      },
      frequency: { interval, backoff: true, max: interval * 10 },
      standby: 'when-hidden'
    });
  }

  /**
   * Start polling (a first refresh runs at once); no-op when running.
   */
  start(): void {
    void this._poll.start();
  }

  /**
   * Stop polling.
   */
  stop(): void {
    void this._poll.stop();
  }

  /**
   * Refresh now, then keep the beat.
   */
  refresh(): void {
    void this._poll.refresh();
  }

  get isDisposed(): boolean {
    return this._poll.isDisposed;
  }

  dispose(): void {
    this._poll.dispose();
  }

  private _poll: Poll<void, Error, 'standby'>;
}

/**
 * Following runs as they go: long polls until a run ends, and the output
 * the channel streams meanwhile.
 */
import { isApiError } from './api';
import { RunApi } from './runApi';
import { IRun } from './runTypes';

/**
 * Seconds a long poll waits for a run to end.
 */
const FOLLOW_WAIT = 10;
/**
 * Failed polls in a row before giving up (the history's polls take over).
 */
const MAX_FAILURES = 5;
/**
 * Output kept per stream of a run (characters); the server caps it too.
 */
const LIVE_CAP = 1_000_000;
/**
 * Runs whose output is kept.
 */
const LIVE_RUNS = 8;

const sleep = (ms: number): Promise<void> =>
  new Promise(resolve => window.setTimeout(resolve, ms));

/**
 * Long-poll a run until it ends or `keepGoing` says stop, handing every
 * answer to `onRun`; resolves to the last answer (null on failure).
 */
export async function followRun(
  api: RunApi,
  runId: string,
  onRun: (run: IRun) => void,
  keepGoing: () => boolean
): Promise<IRun | null> {
  let failures = 0;
  while (keepGoing()) {
    let run: IRun;
    try {
      run = await api.get(runId, FOLLOW_WAIT);
      failures = 0;
    } catch (error) {
      if (isApiError(error, undefined, 404) || ++failures > MAX_FAILURES) {
        return null;
      }
      await sleep(1000 * failures);
      continue;
    }
    onRun(run);
    if (run.status === 'done') {
      return run;
    }
  }
  return null;
}

/**
 * What a run printed so far.
 */
export interface ILiveOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The streamed output of the latest runs.
 */
export class LiveOutputs {
  get(runId: string): ILiveOutput | null {
    return this._runs.get(runId) ?? null;
  }

  /**
   * Add `[[stream, text], ...]` to a run's output; returns it.
   */
  append(runId: string, chunks: ReadonlyArray<[string, string]>): ILiveOutput {
    let live = this._runs.get(runId) ?? { stdout: '', stderr: '' };
    for (const [stream, text] of chunks) {
      if (stream === 'stdout' || stream === 'stderr') {
        live = { ...live, [stream]: (live[stream] + text).slice(0, LIVE_CAP) };
      }
    }
    // Newest last: the oldest runs go first.
    this._runs.delete(runId);
    this._runs.set(runId, live);
    for (const old of this._runs.keys()) {
      if (this._runs.size <= LIVE_RUNS) {
        break;
      }
      this._runs.delete(old);
    }
    return live;
  }

  delete(runId: string): void {
    this._runs.delete(runId);
  }

  private _runs = new Map<string, ILiveOutput>();
}

/**
 * What a run console shows, and who may see and start runs.
 */
import { ILiveOutput } from './runFollow';
import { EMPTY_FORM, IRunForm } from './runForm';
import { IRun, IRunLanguage } from './runTypes';
import { ISessionDetail } from './types';

export interface IRunError {
  readonly message: string;
  /**
   * Seconds, when the server said when to try again.
   */
  readonly retryAfter: number | null;
}

export interface IRunState {
  readonly languages: ReadonlyArray<IRunLanguage> | null;
  readonly languagesError: string | null;
  readonly form: IRunForm;
  /**
   * The session's runs, newest first.
   */
  readonly history: ReadonlyArray<IRun>;
  readonly historyError: string | null;
  /**
   * The run on show.
   */
  readonly shown: IRun | null;
  /**
   * Output of the run on show streamed so far, while it runs.
   */
  readonly live: ILiveOutput | null;
  /**
   * When (client time, ms) the run on show was seen starting.
   */
  readonly runningSince: number | null;
  readonly submitting: boolean;
  readonly error: IRunError | null;
}

export const INITIAL_RUN_STATE: IRunState = {
  languages: null,
  languagesError: null,
  form: EMPTY_FORM,
  history: [],
  historyError: null,
  shown: null,
  live: null,
  runningSince: null,
  submitting: false,
  error: null
};

const STATUS_RANK = { queued: 0, running: 1, done: 2 };

/**
 * The later of two copies of a run.
 */
export function later(a: IRun, b: IRun): IRun {
  return STATUS_RANK[b.status] >= STATUS_RANK[a.status] ? b : a;
}

/**
 * Whether I may see a session's runs: host, in it, or gone from it.
 */
export function canViewRuns(session: ISessionDetail | null): boolean {
  return (
    session !== null &&
    (session.is_host ||
      session.my_state === 'admitted' ||
      session.my_state === 'left')
  );
}

/**
 * Whether I may start runs in a session (observers only watch).
 */
export function mayRunIn(session: ISessionDetail | null): boolean {
  return (
    session !== null &&
    session.status !== 'ENDED' &&
    (session.is_host ||
      (session.my_state === 'admitted' && session.my_role !== 'observer'))
  );
}

/**
 * A fresh page of runs, keeping what is known of each that is further on.
 */
export function mergeRuns(
  known: ReadonlyArray<IRun>,
  fresh: ReadonlyArray<IRun>
): IRun[] {
  const byId = new Map(known.map(run => [run.id, run]));
  return fresh.map(run => {
    const before = byId.get(run.id);
    return before ? later(before, run) : run;
  });
}

/**
 * The runs with news about one that has not ended.
 */
export function patchRun(
  runs: ReadonlyArray<IRun>,
  runId: string,
  patch: Partial<IRun>
): IRun[] {
  return runs.map(run =>
    run.id === runId && run.status !== 'done' ? { ...run, ...patch } : run
  );
}

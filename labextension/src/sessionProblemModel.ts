/**
 * A session's problem as I may see it: the statement and the revealed
 * hints, and for the host and interviewers the guide (every hint, the
 * reference solutions, the follow-up). Revealing the next hint.
 */
import { errorMessage, isApiError } from './api';
import { ProblemsApi } from './problemsApi';
import { ISessionProblem } from './problemTypes';
import { RemoteValue } from './remote';

export class SessionProblemModel {
  constructor(api: ProblemsApi, sessionId: string) {
    this._api = api;
    this.sessionId = sessionId;
    this.problem = new RemoteValue<ISessionProblem>(() =>
      api.sessionProblem(sessionId)
    );
  }

  readonly sessionId: string;
  readonly problem: RemoteValue<ISessionProblem>;

  /**
   * Load it when `key` (the session's problem and the last entry of its
   * activity log: every reveal is logged) moved on; forget it when
   * `problemId` is null (no problem, or I may not see it).
   */
  follow(problemId: string | null, lastEvent: number): void {
    const key = problemId === null ? null : `${problemId}@${lastEvent}`;
    if (key === this._key) {
      return;
    }
    this._key = key;
    if (key === null) {
      this.problem.clear();
    } else {
      void this.problem.refresh();
    }
  }

  /**
   * Reveal the next hint to everyone. Resolves to an error message, or
   * null; when every hint is out already the problem reloads.
   */
  async revealNext(noMoreHints: string): Promise<string | null> {
    try {
      await this._api.revealHint(this.sessionId);
      await this.problem.refresh();
      return null;
    } catch (error) {
      if (
        isApiError(error, 'no_more_hints') ||
        isApiError(error, undefined, 409)
      ) {
        await this.problem.refresh();
        return noMoreHints;
      }
      return errorMessage(error);
    }
  }

  private _api: ProblemsApi;
  private _key: string | null = null;
}

/**
 * The REST calls of the problem bank, on top of the CodeCall client:
 * browsing, my own problems (JSON and zip), a session's problem and its
 * hints, my progress and past sessions.
 */
import { URLExt } from '@jupyterlab/coreutils';

import { CodeCallApiError, CodeCallClient } from './api';
import {
  IHintReveal,
  IOwnProblem,
  IPastSession,
  IPastSessions,
  IProblem,
  IProblemFault,
  IProblemFilesIn,
  IProblemList,
  IProblemQuery,
  IProgress,
  ISessionProblem,
  Visibility
} from './problemTypes';

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The query string of a search (empty filters left out).
 */
export function problemQueryString(query: Partial<IProblemQuery>): string {
  const params: { [key: string]: string } = {};
  if (query.q && query.q.trim()) {
    params.q = query.q.trim();
  }
  if (query.difficulty) {
    params.difficulty = query.difficulty;
  }
  if (query.tag) {
    params.tag = query.tag;
  }
  if (query.language) {
    params.language = query.language;
  }
  if (query.solved) {
    params.solved = query.solved;
  }
  if (query.mine) {
    params.mine = 'yes';
  }
  return Object.keys(params).length > 0
    ? URLExt.objectToQueryString(params)
    : '';
}

/**
 * The faults the server found in a problem (a 422 `invalid_problem`), or
 * null when the error is something else.
 */
export function problemFaults(error: unknown): IProblemFault[] | null {
  if (!(error instanceof CodeCallApiError) || error.status !== 422) {
    return null;
  }
  const faults = error.details?.faults;
  if (!Array.isArray(faults)) {
    return null;
  }
  return faults
    .filter(
      (fault): fault is IProblemFault =>
        typeof fault === 'object' &&
        fault !== null &&
        typeof (fault as IProblemFault).file === 'string' &&
        typeof (fault as IProblemFault).message === 'string'
    )
    .map(fault => ({ file: fault.file, message: fault.message }));
}

/**
 * The problem bank's endpoints; every call rejects with a `CodeCallApiError`.
 */
export class ProblemsApi {
  constructor(client: CodeCallClient) {
    this._client = client;
  }

  /**
   * The problems I can use, filtered.
   */
  list(query: Partial<IProblemQuery> = {}): Promise<IProblemList> {
    return this._client.request<IProblemList>(
      `problems${problemQueryString(query)}`
    );
  }

  /**
   * A problem: statement, examples and starters.
   */
  get(problemId: string): Promise<IProblem> {
    return this._client.request<IProblem>(`problems/${segment(problemId)}`);
  }

  /**
   * A problem of mine with its files, to edit it.
   */
  files(problemId: string): Promise<IOwnProblem> {
    return this._client.request<IOwnProblem>(
      `problems/${segment(problemId)}/files`
    );
  }

  /**
   * Write a new problem of mine (proven in the sandbox first: slow).
   */
  create(body: IProblemFilesIn): Promise<IOwnProblem> {
    return this._client.request<IOwnProblem>('problems', {
      method: 'POST',
      body: JSON.stringify(body)
    });
  }

  /**
   * Replace a problem of mine.
   */
  update(body: IProblemFilesIn): Promise<IOwnProblem> {
    return this._client.request<IOwnProblem>(`problems/${segment(body.id)}`, {
      method: 'PUT',
      body: JSON.stringify(body)
    });
  }

  /**
   * Delete a problem of mine.
   */
  async remove(problemId: string): Promise<void> {
    await this._client.request<void>(`problems/${segment(problemId)}`, {
      method: 'DELETE'
    });
  }

  /**
   * Import a problem of mine from a zip (its raw bytes).
   */
  importZip(data: Blob, visibility: Visibility): Promise<IOwnProblem> {
    const query = URLExt.objectToQueryString({ visibility });
    return this._client.request<IOwnProblem>(`problems/import${query}`, {
      method: 'POST',
      body: data,
      headers: { 'Content-Type': 'application/zip' }
    });
  }

  /**
   * A problem of mine as a zip.
   */
  exportZip(problemId: string): Promise<Blob> {
    return this._client.requestBlob(`problems/${segment(problemId)}/export`);
  }

  /**
   * A session's problem as I may see it (the guide for interviewers).
   */
  sessionProblem(sessionId: string): Promise<ISessionProblem> {
    return this._client.request<ISessionProblem>(
      `sessions/${segment(sessionId)}/problem`
    );
  }

  /**
   * Reveal the next hint to everyone in the session (409 when none is left).
   */
  revealHint(sessionId: string): Promise<IHintReveal> {
    return this._client.request<IHintReveal>(
      `sessions/${segment(sessionId)}/problem/hints`,
      { method: 'POST' }
    );
  }

  /**
   * My progress: solved by difficulty and tag, day by day, streaks.
   */
  progress(): Promise<IProgress> {
    return this._client.request<IProgress>('me/progress');
  }

  /**
   * My past sessions, newest first.
   */
  async pastSessions(): Promise<IPastSession[]> {
    const data = await this._client.request<IPastSessions>('me/sessions');
    return data.sessions;
  }

  private _client: CodeCallClient;
}

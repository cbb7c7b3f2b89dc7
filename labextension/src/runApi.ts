/**
 * The REST calls of the code runner, on top of the CodeCall client.
 */
import { URLExt } from '@jupyterlab/coreutils';

import { CodeCallClient } from './api';
import {
  IRun,
  IRunCreate,
  IRunLanguage,
  IRunLanguageList,
  IRunList,
  IRunnerStatus
} from './runTypes';

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The runner's endpoints; every call rejects with a `CodeCallApiError`.
 */
export class RunApi {
  constructor(client: CodeCallClient) {
    this._client = client;
  }

  /**
   * The languages this server runs.
   */
  async languages(): Promise<IRunLanguage[]> {
    const data = await this._client.request<IRunLanguageList>('languages');
    return data.languages;
  }

  /**
   * The runner's isolation, queue and limits.
   */
  status(): Promise<IRunnerStatus> {
    return this._client.request<IRunnerStatus>('runner');
  }

  /**
   * Queue a run or a judging (answered at once, still queued).
   */
  create(body: IRunCreate): Promise<IRun> {
    return this._client.request<IRun>('runs', {
      method: 'POST',
      body: JSON.stringify(body)
    });
  }

  /**
   * A run; with `wait` (seconds, up to 30) the answer waits for its end.
   */
  get(runId: string, wait?: number): Promise<IRun> {
    const query =
      wait === undefined
        ? ''
        : URLExt.objectToQueryString({ wait: String(Math.round(wait)) });
    return this._client.request<IRun>(`runs/${segment(runId)}${query}`);
  }

  /**
   * Stop a run.
   */
  cancel(runId: string): Promise<IRun> {
    return this._client.request<IRun>(`runs/${segment(runId)}/cancel`, {
      method: 'POST'
    });
  }

  /**
   * A session's runs, newest first.
   */
  async forSession(sessionId: string, limit = 20): Promise<IRun[]> {
    const query = URLExt.objectToQueryString({ limit: String(limit) });
    const data = await this._client.request<IRunList>(
      `sessions/${segment(sessionId)}/runs${query}`
    );
    return data.runs;
  }

  private _client: CodeCallClient;
}

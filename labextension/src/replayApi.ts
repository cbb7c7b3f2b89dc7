/**
 * The REST calls of snapshots and replay, on top of the CodeCall client.
 */
import { URLExt } from '@jupyterlab/coreutils';

import { CodeCallClient } from './api';
import {
  IDocState,
  IReplayTimeline,
  IRestoreResult,
  ISnapshot,
  ISnapshotDiff,
  ISnapshotList,
  ISnapshotSummary
} from './replayTypes';

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The endpoints of one session's snapshots and replay; every call rejects
 * with a `CodeCallApiError`.
 */
export class ReplayApi {
  constructor(client: CodeCallClient, sessionId: string) {
    this._client = client;
    this._base = `sessions/${segment(sessionId)}`;
  }

  /**
   * The session's snapshots, oldest first.
   */
  async snapshots(): Promise<ISnapshotSummary[]> {
    const data = await this._client.request<ISnapshotList>(
      `${this._base}/snapshots`
    );
    return data.snapshots;
  }

  /**
   * Save the session's documents as they are now under a name.
   */
  saveSnapshot(name: string): Promise<ISnapshot> {
    return this._client.request<ISnapshot>(`${this._base}/snapshots`, {
      method: 'POST',
      body: JSON.stringify({ name })
    });
  }

  /**
   * A snapshot with its files.
   */
  snapshot(snapshotId: string): Promise<ISnapshot> {
    return this._client.request<ISnapshot>(
      `${this._base}/snapshots/${segment(snapshotId)}`
    );
  }

  /**
   * What changed from `a` to `b`; either may be `current` (now).
   */
  diff(a: string, b: string): Promise<ISnapshotDiff> {
    return this._client.request<ISnapshotDiff>(
      `${this._base}/snapshots/${segment(a)}/diff/${segment(b)}`
    );
  }

  /**
   * Write a snapshot's documents back, live (a backup is saved first).
   */
  restore(snapshotId: string): Promise<IRestoreResult> {
    return this._client.request<IRestoreResult>(
      `${this._base}/snapshots/${segment(snapshotId)}/restore`,
      { method: 'POST' }
    );
  }

  /**
   * The session's timeline; `idle`: seconds without events that make a gap.
   */
  timeline(idle?: number): Promise<IReplayTimeline> {
    const query =
      idle === undefined
        ? ''
        : URLExt.objectToQueryString({ idle: String(Math.round(idle)) });
    return this._client.request<IReplayTimeline>(
      `${this._base}/replay${query}`
    );
  }

  /**
   * A document (`room` from the timeline) as it was at `at` (epoch seconds).
   */
  state(room: string, at: number): Promise<IDocState> {
    const query = URLExt.objectToQueryString({ room, at: at.toFixed(3) });
    return this._client.request<IDocState>(
      `${this._base}/replay/state${query}`
    );
  }

  private _client: CodeCallClient;
  private _base: string;
}

/**
 * Types of the replay and snapshot endpoints
 * (`/codecall/api/sessions/{id}/replay`, `.../snapshots`).
 *
 * Times on the replay timeline are seconds since the epoch (floats).
 */
import { IPublicUser } from './types';

/**
 * A snapshot as listed (`GET .../snapshots`).
 */
export interface ISnapshotSummary {
  id: string;
  name: string;
  created_by: IPublicUser | null;
  /**
   * ISO-8601.
   */
  created_at: string;
  /**
   * The paths it holds, relative to the session's folder.
   */
  files: string[];
}

/**
 * One document of a snapshot.
 */
export interface ISnapshotFile {
  path: string;
  kind: 'text' | 'whiteboard';
  content: string;
}

/**
 * A snapshot with its files (`GET .../snapshots/{id}`).
 */
export interface ISnapshot extends ISnapshotSummary {
  contents: ISnapshotFile[];
}

/**
 * The response of `GET .../snapshots`, oldest first.
 */
export interface ISnapshotList {
  snapshots: ISnapshotSummary[];
}

/**
 * The id that stands for the documents as they are now, in a diff.
 */
export const CURRENT_SNAPSHOT = 'current';

/**
 * What changed in one file.
 */
export interface IFileDiff {
  path: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  /**
   * A unified diff; empty when the same.
   */
  diff: string;
}

/**
 * The response of `GET .../snapshots/{a}/diff/{b}`.
 */
export interface ISnapshotDiff {
  a: string;
  b: string;
  files: IFileDiff[];
}

/**
 * The response of `POST .../snapshots/{id}/restore`.
 */
export interface IRestoreResult {
  snapshot: ISnapshotSummary;
  /**
   * The state just before the restore, saved automatically.
   */
  backup: ISnapshotSummary;
  files: string[];
  skipped: string[];
}

/**
 * A document of the session on the replay timeline.
 */
export interface IReplayDocument {
  /**
   * `<type>:<file id>`: what `replay/state?room=` takes.
   */
  room: string;
  /**
   * `file`, `whiteboard`, ...
   */
  type: string;
  file_id: string;
  path: string | null;
  name: string | null;
  first_at: number;
  last_at: number;
  updates: number;
  last_id: number;
  authors: Array<{ user_id: number | null; updates: number }>;
}

/**
 * A run on the replay timeline.
 */
export interface IReplayRun {
  id: string;
  at: number;
  started_at: number | null;
  finished_at: number | null;
  user_id: number | null;
  language: string;
  mode: string;
  entry: string;
  status: string;
  verdict: string | null;
}

/**
 * A chat message on the replay timeline.
 */
export interface IReplayChat {
  id: number;
  at: number;
  author_id: number | null;
  text: string;
  edited_at: number | null;
  deleted: boolean;
}

/**
 * An activity-log entry on the replay timeline.
 */
export interface IReplayEvent {
  id: number;
  at: number;
  kind: string;
  actor_id: number | null;
  data: { [key: string]: unknown };
}

/**
 * A stretch in which nothing happened.
 */
export interface IIdleGap {
  start: number;
  end: number;
  seconds: number;
}

/**
 * The response of `GET .../replay`.
 */
export interface IReplayTimeline {
  session_id: string;
  start: number | null;
  end: number | null;
  idle_after: number;
  documents: IReplayDocument[];
  runs: IReplayRun[];
  chat: IReplayChat[];
  events: IReplayEvent[];
  gaps: IIdleGap[];
  people: IPublicUser[];
}

/**
 * The response of `GET .../replay/state`: one document at a moment.
 */
export interface IDocState {
  room: string;
  type: string;
  at: number | null;
  /**
   * A file's text; a whiteboard's JSON data.
   */
  content: unknown;
  upto_id: number;
  upto_at: number | null;
  upto_author_id: number | null;
  author: IPublicUser | null;
  author_id: number | null;
  checkpoint_id: number;
  applied: number;
  first_id: number;
  last_id: number;
  first_at: number | null;
  last_at: number | null;
}

/**
 * What the Progress panel shows: my progress and my past sessions.
 */
import { ProblemsApi } from './problemsApi';
import { IPastSession, IProgress } from './problemTypes';
import { RemoteValue } from './remote';

export class ProgressModel {
  constructor(api: ProblemsApi) {
    this.progress = new RemoteValue<IProgress>(() => api.progress());
    this.sessions = new RemoteValue<IPastSession[]>(() => api.pastSessions());
  }

  readonly progress: RemoteValue<IProgress>;
  readonly sessions: RemoteValue<IPastSession[]>;

  async refresh(): Promise<boolean> {
    const results = await Promise.all([
      this.progress.refresh(),
      this.sessions.refresh()
    ]);
    return results.every(Boolean);
  }
}

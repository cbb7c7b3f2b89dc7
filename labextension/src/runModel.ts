/**
 * The run console of one session: the form, the runs of the session (a
 * history shared by everyone in it) and the run on show, followed until it
 * ends (long-polled, with live output from the channel when connected).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import { errorMessage, isApiError } from './api';
import { RunApi } from './runApi';
import { LiveOutputs, followRun } from './runFollow';
import {
  IRunForm,
  formProblem,
  pickLanguage,
  programProblem,
  runBody,
  submitBody,
  withLanguage
} from './runForm';
import { RunnerStatusModel } from './runnerStatus';
import {
  INITIAL_RUN_STATE,
  IRunState,
  canViewRuns,
  later,
  mayRunIn,
  mergeRuns,
  patchRun
} from './runState';
import { IRun, IRunCreate, RunEvent } from './runTypes';
import { ISessionDetail } from './types';

const HISTORY_LIMIT = 20;

export interface IRunModelOptions {
  api: RunApi;
  runner: RunnerStatusModel;
  sessionId: string;
  trans: TranslationBundle;
  /**
   * The language set in the settings ('' for the session's).
   */
  defaultLanguage: () => string;
}

export class RunModel {
  constructor(options: IRunModelOptions) {
    this._api = options.api;
    this.runner = options.runner;
    this.sessionId = options.sessionId;
    this._trans = options.trans;
    this._defaultLanguage = options.defaultLanguage;
  }

  readonly sessionId: string;
  readonly runner: RunnerStatusModel;

  get state(): IRunState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IRunState> {
    return this._stateChanged;
  }

  /**
   * Whether I may see the session's runs.
   */
  get canView(): boolean {
    return canViewRuns(this._session);
  }

  /**
   * Whether I may start runs (observers only watch).
   */
  get mayRun(): boolean {
    return mayRunIn(this._session);
  }

  /**
   * Whether a run may start now.
   */
  get canRun(): boolean {
    return this.mayRun && this.runner.canRun && !this._state.submitting;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    this._isDisposed = true;
    Signal.clearData(this);
  }

  /**
   * Follow the session as the panel sees it (null: gone).
   */
  setSession(session: ISessionDetail | null): void {
    this._session = session;
    this._initForm();
  }

  /**
   * Reload what may have changed; never rejects.
   */
  async refresh(): Promise<boolean> {
    if (!this.canView) {
      return true;
    }
    const loads = [this.refreshHistory(), this.runner.refreshIfStale()];
    if (this._state.languages === null) {
      loads.push(this._loadLanguages());
    }
    return (await Promise.all(loads)).every(Boolean);
  }

  async refreshHistory(): Promise<boolean> {
    const ticket = ++this._historyTicket;
    let runs: IRun[];
    try {
      runs = await this._api.forSession(this.sessionId, HISTORY_LIMIT);
    } catch (error) {
      this._update({ historyError: errorMessage(error) });
      return false;
    }
    if (ticket !== this._historyTicket) {
      return true; // a newer load, or a run started meanwhile
    }
    const history = mergeRuns(this._state.history, runs);
    this._update({ history, historyError: null });
    const shown = this._state.shown;
    const pick = this._pinned && shown ? shown : (history[0] ?? null);
    if (pick !== null) {
      this._show(history.find(run => run.id === pick.id) ?? pick);
    }
    return true;
  }

  setForm(patch: Partial<IRunForm>): void {
    this._update({ form: { ...this._state.form, ...patch }, error: null });
  }

  setLanguage(id: string): void {
    const language = this._state.languages?.find(lang => lang.id === id);
    if (language) {
      this._update({ form: withLanguage(this._state.form, language) });
    }
  }

  /**
   * Run the session's files as the form says.
   */
  async run(): Promise<void> {
    const { form, languages } = this._state;
    const problem = formProblem(form, languages, this._trans);
    if (problem !== null) {
      this._update({ error: { message: problem, retryAfter: null } });
      return;
    }
    await this._start(runBody(form, this.sessionId));
  }

  /**
   * Submit: judge the session's files (the form's language and entry)
   * against the session's problem's own cases, hidden ones included.
   */
  async submit(): Promise<void> {
    const { form, languages } = this._state;
    const problemId = this._session?.problem_id ?? null;
    if (problemId === null) {
      return;
    }
    const problem = programProblem(form, languages, this._trans);
    if (problem !== null) {
      this._update({ error: { message: problem, retryAfter: null } });
      return;
    }
    await this._start(submitBody(form, this.sessionId, problemId));
  }

  private async _start(body: IRunCreate): Promise<void> {
    if (!this.canRun) {
      return;
    }
    this._update({ submitting: true, error: null });
    try {
      const run = await this._api.create(body);
      ++this._historyTicket;
      this._pinned = false;
      const rest = this._state.history.filter(r => r.id !== run.id);
      this._update({ history: [run, ...rest] });
      this._show(run);
    } catch (error) {
      const retryAfter = isApiError(error) ? error.retryAfter : null;
      this._update({ error: { message: errorMessage(error), retryAfter } });
      if (isApiError(error, 'runner_unavailable')) {
        void this.runner.refresh();
      }
    } finally {
      this._update({ submitting: false });
    }
  }

  /**
   * Stop the run on show.
   */
  async stop(): Promise<void> {
    const run = this._state.shown;
    if (run === null || run.status === 'done') {
      return;
    }
    try {
      await this._api.cancel(run.id);
    } catch (error) {
      // 404: it ended meanwhile; the long poll brings its end.
      if (!isApiError(error, undefined, 404)) {
        this._update({
          error: { message: errorMessage(error), retryAfter: null }
        });
      }
    }
  }

  /**
   * Show a run of the history (the newest one keeps following new runs).
   */
  select(runId: string): void {
    const run = this._state.history.find(r => r.id === runId);
    if (run) {
      this._pinned = run.id !== this._state.history[0]?.id;
      this._show(run);
    }
  }

  /**
   * Take in a message of the session channel.
   */
  onRunEvent(event: RunEvent): void {
    switch (event.type) {
      case 'run.output':
        this._append(event.run_id, event.chunks);
        break;
      case 'run.started':
        this._patch(event.run_id, { status: 'running', position: 0 });
        break;
      case 'run.queued':
        if (event.position !== undefined) {
          this._patch(event.run_id, { position: event.position });
        } else {
          void this.refreshHistory();
        }
        break;
      case 'run.finished':
        void this.refreshHistory();
        break;
    }
  }

  private _show(run: IRun): void {
    const shown = this._state.shown;
    const next = shown && shown.id === run.id ? later(shown, run) : run;
    if (next.status === 'running' && !this._startedAt.has(next.id)) {
      this._startedAt.set(next.id, Date.now());
    }
    if (next.status === 'done') {
      this._live.delete(next.id);
    }
    this._update({
      shown: next,
      live: this._live.get(next.id),
      runningSince: this._startedAt.get(next.id) ?? null
    });
    if (next.status !== 'done') {
      void this._follow(next.id);
    }
  }

  private _patch(runId: string, patch: Partial<IRun>): void {
    this._update({ history: patchRun(this._state.history, runId, patch) });
    const shown = this._state.shown;
    if (shown && shown.id === runId && shown.status !== 'done') {
      this._show({ ...shown, ...patch });
    }
  }

  private _append(runId: string, chunks: Array<[string, string]>): void {
    const live = this._live.append(runId, chunks);
    const shown = this._state.shown;
    if (shown?.id === runId && shown.status !== 'done') {
      this._update({ live });
    }
  }

  /**
   * Long-poll a run until it ends, or until it is no longer on show (the
   * history's polls keep it fresh then).
   */
  private async _follow(runId: string): Promise<void> {
    if (this._following.has(runId)) {
      return;
    }
    this._following.add(runId);
    const onShow = (): boolean =>
      !this._isDisposed && this._state.shown?.id === runId;
    try {
      const run = await followRun(
        this._api,
        runId,
        next => {
          if (onShow()) {
            this._show(next);
          }
        },
        onShow
      );
      if (run !== null) {
        await this.refreshHistory();
      }
    } finally {
      this._following.delete(runId);
    }
  }

  private async _loadLanguages(): Promise<boolean> {
    try {
      const languages = await this._api.languages();
      this._update({ languages, languagesError: null });
      this._initForm();
      return true;
    } catch (error) {
      this._update({ languagesError: errorMessage(error) });
      return false;
    }
  }

  /**
   * Choose the first language once both the session and languages are in.
   */
  private _initForm(): void {
    const { languages, form } = this._state;
    if (form.language !== '' || languages === null || this._session === null) {
      return;
    }
    const preferred = [this._defaultLanguage(), this._session.language];
    const language = pickLanguage(languages, preferred);
    if (language) {
      this._update({ form: withLanguage(form, language) });
    }
  }

  private _update(patch: Partial<IRunState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _api: RunApi;
  private _trans: TranslationBundle;
  private _defaultLanguage: () => string;
  private _session: ISessionDetail | null = null;
  private _pinned = false;
  private _historyTicket = 0;
  private _following = new Set<string>();
  private _live = new LiveOutputs();
  private _startedAt = new Map<string, number>();
  private _state: IRunState = INITIAL_RUN_STATE;
  private _stateChanged = new Signal<this, IRunState>(this);
  private _isDisposed = false;
}

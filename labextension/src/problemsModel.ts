/**
 * What the Problems panel shows: the search and its filters, the problems
 * found, and the problem selected (loaded in full).
 */
import { Debouncer } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { ProblemsApi } from './problemsApi';
import {
  EMPTY_PROBLEM_QUERY,
  IProblem,
  IProblemList,
  IProblemQuery
} from './problemTypes';
import { RemoteValue } from './remote';

/**
 * How long typing pauses before the search runs (ms).
 */
const SEARCH_DELAY = 250;

export interface IProblemsState {
  readonly query: IProblemQuery;
  readonly selectedId: string | null;
}

export class ProblemsModel {
  constructor(api: ProblemsApi) {
    this.api = api;
    this.list = new RemoteValue<IProblemList>(() =>
      api.list(this._state.query)
    );
    this.detail = new RemoteValue<IProblem>(() => {
      const id = this._state.selectedId;
      return id === null ? Promise.reject(new Error('')) : api.get(id);
    });
    this._search = new Debouncer(() => this.list.refresh(), SEARCH_DELAY);
  }

  readonly api: ProblemsApi;

  /**
   * The problems matching the query.
   */
  readonly list: RemoteValue<IProblemList>;

  /**
   * The selected problem.
   */
  readonly detail: RemoteValue<IProblem>;

  get state(): IProblemsState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IProblemsState> {
    return this._stateChanged;
  }

  /**
   * Change the query: typed text searches once typing pauses, other
   * filters at once.
   */
  setQuery(patch: Partial<IProblemQuery>): void {
    this._update({ query: { ...this._state.query, ...patch } });
    if (Object.keys(patch).every(key => key === 'q')) {
      void this._search.invoke();
    } else {
      void this._search.stop();
      void this.list.refresh();
    }
  }

  /**
   * Clear every filter and the search text.
   */
  clearQuery(): void {
    void this._search.stop();
    this._update({ query: EMPTY_PROBLEM_QUERY });
    void this.list.refresh();
  }

  /**
   * Show a problem in full (null: none).
   */
  select(problemId: string | null): void {
    if (problemId === this._state.selectedId) {
      if (problemId !== null && this.detail.state.status === 'error') {
        void this.detail.refresh();
      }
      return;
    }
    this._update({ selectedId: problemId });
    if (problemId === null) {
      this.detail.clear();
    } else {
      void this.detail.refresh();
    }
  }

  /**
   * Reload the list and the problem on show (after a change of mine).
   */
  async refresh(): Promise<void> {
    const loads = [this.list.refresh()];
    if (this._state.selectedId !== null) {
      loads.push(this.detail.refresh());
    }
    await Promise.all(loads);
  }

  /**
   * A problem is gone (deleted): forget it if on show, reload the list.
   */
  forget(problemId: string): void {
    if (this._state.selectedId === problemId) {
      this.select(null);
    }
    void this.list.refresh();
  }

  dispose(): void {
    this._search.dispose();
    Signal.clearData(this);
  }

  private _update(patch: Partial<IProblemsState>): void {
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _search: Debouncer;
  private _state: IProblemsState = {
    query: EMPTY_PROBLEM_QUERY,
    selectedId: null
  };
  private _stateChanged = new Signal<this, IProblemsState>(this);
}

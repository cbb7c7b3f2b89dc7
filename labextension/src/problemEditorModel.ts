/**
 * The problem editor's state: the draft, what the server said of the last
 * save (each fault placed beside its field), and the save itself.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import { errorMessage } from './api';
import { FaultPlaces, placeFaults } from './problemFaults';
import {
  IProblemDraft,
  draftFiles,
  draftProblems,
  emptyDraft
} from './problemDraft';
import { draftFromProblem } from './problemFromFiles';
import { ProblemsApi, problemFaults } from './problemsApi';
import { IOwnProblem, IProblemFault } from './problemTypes';

export interface IProblemEditorState {
  readonly status: 'loading' | 'ready' | 'error';
  /**
   * Why the problem could not be loaded, or saved (other than its faults).
   */
  readonly error: string | null;
  readonly draft: IProblemDraft;
  /**
   * The id it is saved under; null until the first save.
   */
  readonly savedId: string | null;
  readonly saving: boolean;
  /**
   * Changed since it was loaded or saved.
   */
  readonly dirty: boolean;
  /**
   * The faults of the last save, and where each is shown.
   */
  readonly faults: ReadonlyArray<IProblemFault>;
  readonly places: FaultPlaces;
}

export class ProblemEditorModel {
  constructor(
    api: ProblemsApi,
    trans: TranslationBundle,
    problemId: string | null
  ) {
    this._api = api;
    this._trans = trans;
    this._state = {
      status: problemId === null ? 'ready' : 'loading',
      error: null,
      draft: emptyDraft(),
      savedId: problemId,
      saving: false,
      dirty: false,
      faults: [],
      places: new Map()
    };
  }

  get state(): IProblemEditorState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IProblemEditorState> {
    return this._stateChanged;
  }

  /**
   * Emitted with the server's answer after each successful save.
   */
  get saved(): ISignal<this, IOwnProblem> {
    return this._saved;
  }

  /**
   * Load the problem's files (a problem of mine).
   */
  async load(): Promise<void> {
    const id = this._state.savedId;
    if (id === null) {
      return;
    }
    this._update({ status: 'loading', error: null });
    try {
      const own = await this._api.files(id);
      this._update({
        status: 'ready',
        draft: draftFromProblem(own),
        dirty: false,
        faults: [],
        places: new Map()
      });
    } catch (error) {
      this._update({ status: 'error', error: errorMessage(error) });
    }
  }

  change(patch: Partial<IProblemDraft>): void {
    this._update({ draft: { ...this._state.draft, ...patch }, dirty: true });
  }

  /**
   * Check the draft, then send it: the server proves it in the sandbox
   * (which takes a while) and names every fault it finds.
   */
  async save(): Promise<boolean> {
    const { draft, savedId } = this._state;
    const trans = this._trans;
    const missing = draftProblems(draft, {
      id: trans.__(
        'The id is 3 to 64 lowercase letters, digits and single dashes, e.g. two-sum-count.'
      ),
      title: trans.__('Give the problem a title.'),
      tags: trans.__('Choose at least one tag.'),
      example: trans.__('Add at least one example case.'),
      starter: trans.__('Add at least one starter program.'),
      solution: trans.__('Add at least one reference solution.'),
      duplicate: file => trans.__('%1 is there twice: keep one.', file)
    });
    if (missing.length > 0) {
      this._showFaults(missing, draft);
      return false;
    }
    this._update({ saving: true, error: null });
    const body = {
      id: draft.id,
      visibility: draft.visibility,
      files: draftFiles(draft)
    };
    try {
      const own =
        savedId === null
          ? await this._api.create(body)
          : await this._api.update(body);
      this._update({
        saving: false,
        savedId: own.id,
        dirty: false,
        faults: [],
        places: new Map()
      });
      this._saved.emit(own);
      return true;
    } catch (error) {
      const faults = problemFaults(error);
      if (faults !== null && faults.length > 0) {
        this._update({ saving: false });
        this._showFaults(faults, draft);
      } else {
        this._update({
          saving: false,
          faults: [],
          places: new Map(),
          error: errorMessage(error)
        });
      }
      return false;
    }
  }

  dispose(): void {
    Signal.clearData(this);
  }

  private _showFaults(
    faults: ReadonlyArray<IProblemFault>,
    sent: IProblemDraft
  ): void {
    this._update({ faults, places: placeFaults(faults, sent), error: null });
  }

  private _update(patch: Partial<IProblemEditorState>): void {
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _api: ProblemsApi;
  private _trans: TranslationBundle;
  private _state: IProblemEditorState;
  private _stateChanged = new Signal<this, IProblemEditorState>(this);
  private _saved = new Signal<this, IOwnProblem>(this);
}

/**
 * The REST calls of private notes, scorecards and peer feedback.
 */
import { CodeCallClient } from './api';
import {
  FeedbackKind,
  IFeedbackDraft,
  IFeedbackState,
  IFeedbackView,
  INotes,
  IScorecardState
} from './feedbackTypes';

function viewOf(
  kind: FeedbackKind,
  data: IScorecardState | IFeedbackState
): IFeedbackView {
  if (kind === 'scorecard') {
    const state = data as IScorecardState;
    return {
      rubric: state.rubric,
      mine: state.mine,
      shown: state.others,
      waiting: 0
    };
  }
  const state = data as IFeedbackState;
  return {
    rubric: state.rubric,
    mine: state.mine,
    shown: state.received,
    waiting: state.waiting
  };
}

/**
 * One session's notes, scorecard and feedback; every call rejects with a
 * `CodeCallApiError`.
 */
export class FeedbackApi {
  constructor(client: CodeCallClient, sessionId: string) {
    this._client = client;
    this._base = `sessions/${encodeURIComponent(sessionId)}`;
  }

  /**
   * My private notes' path (the file is made on first use).
   */
  async notes(): Promise<string> {
    const data = await this._client.request<INotes>(`${this._base}/notes`, {
      method: 'POST'
    });
    return data.path;
  }

  async get(kind: FeedbackKind): Promise<IFeedbackView> {
    const data = await this._client.request<IScorecardState | IFeedbackState>(
      `${this._base}/${kind}`
    );
    return viewOf(kind, data);
  }

  /**
   * Save the whole draft (what is left out is cleared).
   */
  async save(
    kind: FeedbackKind,
    draft: IFeedbackDraft
  ): Promise<IFeedbackView> {
    const data = await this._client.request<IScorecardState | IFeedbackState>(
      `${this._base}/${kind}`,
      { method: 'PUT', body: JSON.stringify(draft) }
    );
    return viewOf(kind, data);
  }

  /**
   * Submit the saved draft: final.
   */
  async submit(kind: FeedbackKind): Promise<IFeedbackView> {
    const data = await this._client.request<IScorecardState | IFeedbackState>(
      `${this._base}/${kind}/submit`,
      { method: 'POST' }
    );
    return viewOf(kind, data);
  }

  private _client: CodeCallClient;
  private _base: string;
}

/**
 * Types of the notes, scorecard and peer-feedback endpoints
 * (`/codecall/api/sessions/{id}/notes|scorecard|feedback`).
 */
import { IPublicUser } from './types';

/**
 * The rubric's criteria, each rated from 1 (poor) to 4 (strong).
 */
export const CRITERIA = [
  'problem_solving',
  'coding',
  'communication',
  'testing'
] as const;

export type Criterion = (typeof CRITERIA)[number];

/**
 * Verdicts, from the worst to the best.
 */
export const VERDICTS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;

export type Verdict = (typeof VERDICTS)[number];

/**
 * A scorecard (about the candidate) or peer feedback (about the other side).
 */
export type FeedbackKind = 'scorecard' | 'feedback';

/**
 * The response of `POST .../notes`.
 */
export interface INotes {
  /**
   * The contents path of my private notes.
   */
  path: string;
}

export interface IRubric {
  criteria: Criterion[];
  verdicts: Verdict[];
  min_rating: number;
  max_rating: number;
}

/**
 * A scorecard or a piece of feedback.
 */
export interface IFeedbackEntry {
  kind: FeedbackKind;
  session_id: string;
  author: IPublicUser;
  subject: IPublicUser | null;
  ratings: Partial<Record<Criterion, number>>;
  verdict: Verdict | null;
  text: string;
  updated_at: string;
  /**
   * null while it is a draft.
   */
  submitted_at: string | null;
}

/**
 * The body of `PUT .../scorecard` and `PUT .../feedback`: the whole draft.
 */
export interface IFeedbackDraft {
  ratings: Partial<Record<Criterion, number>>;
  verdict: Verdict | null;
  text: string;
}

/**
 * `GET .../scorecard`: mine, and for the host the other interviewers'.
 */
export interface IScorecardState {
  rubric: IRubric;
  mine: IFeedbackEntry | null;
  others: IFeedbackEntry[];
}

/**
 * `GET .../feedback`: mine, and the other side's once revealed.
 */
export interface IFeedbackState {
  rubric: IRubric;
  mine: IFeedbackEntry | null;
  received: IFeedbackEntry[];
  /**
   * Feedback about me that is submitted but not shown yet.
   */
  waiting: number;
}

/**
 * What the form shows of either state.
 */
export interface IFeedbackView {
  rubric: IRubric;
  mine: IFeedbackEntry | null;
  /**
   * The others' scorecards (host) or the feedback received.
   */
  shown: IFeedbackEntry[];
  waiting: number;
}

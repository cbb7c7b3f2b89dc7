/**
 * A scorecard (the interviewer's, about the candidate) or peer feedback
 * (either side's, about the other): four ratings, a verdict and free
 * text; saved as a draft, then submitted once, after which it is read
 * only. Peer feedback also shows what the other side wrote, once revealed;
 * the host's scorecard shows the other interviewers' submitted ones.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useCallback, useEffect, useId, useState } from 'react';

import { errorMessage } from '../../api';
import { attempt, confirm } from '../../confirm';
import { FeedbackApi } from '../../feedbackApi';
import {
  CRITERIA,
  Criterion,
  FeedbackKind,
  IFeedbackDraft,
  IFeedbackEntry,
  IFeedbackView,
  Verdict
} from '../../feedbackTypes';
import { formatDate } from '../../utils';

export function criterionLabel(
  criterion: Criterion,
  trans: TranslationBundle
): string {
  switch (criterion) {
    case 'problem_solving':
      return trans.__('Problem solving');
    case 'coding':
      return trans.__('Coding');
    case 'communication':
      return trans.__('Communication');
    default:
      return trans.__('Testing');
  }
}

export function verdictLabel(
  verdict: Verdict,
  trans: TranslationBundle
): string {
  switch (verdict) {
    case 'strong_no':
      return trans.__('Strong no');
    case 'no':
      return trans.__('No');
    case 'yes':
      return trans.__('Yes');
    default:
      return trans.__('Strong yes');
  }
}

function ratingLabel(rating: number, trans: TranslationBundle): string {
  switch (rating) {
    case 1:
      return trans.__('1 (poor)');
    case 4:
      return trans.__('4 (strong)');
    default:
      return String(rating);
  }
}

const EMPTY: IFeedbackDraft = { ratings: {}, verdict: null, text: '' };

function draftOf(entry: IFeedbackEntry | null): IFeedbackDraft {
  return entry === null
    ? EMPTY
    : {
        ratings: { ...entry.ratings },
        verdict: entry.verdict,
        text: entry.text
      };
}

/**
 * Someone's submitted scorecard or feedback, read only.
 */
function EntryView(props: {
  entry: IFeedbackEntry;
  trans: TranslationBundle;
}): JSX.Element {
  const { entry, trans } = props;
  return (
    <div className="cc-FeedbackEntry" data-author={entry.author.username}>
      <div className="cc-FeedbackEntry-head">
        <span className="cc-FeedbackEntry-author">
          {entry.author.display_name}
        </span>
        {entry.submitted_at && (
          <span className="cc-FeedbackEntry-meta">
            {formatDate(entry.submitted_at)}
          </span>
        )}
      </div>
      <dl className="cc-FeedbackEntry-ratings">
        {CRITERIA.map(criterion => (
          <React.Fragment key={criterion}>
            <dt>{criterionLabel(criterion, trans)}</dt>
            <dd>{entry.ratings[criterion] ?? '–'}</dd>
          </React.Fragment>
        ))}
        <dt>{trans.__('Verdict')}</dt>
        <dd>{entry.verdict ? verdictLabel(entry.verdict, trans) : '–'}</dd>
      </dl>
      {entry.text && <p className="cc-FeedbackEntry-text">{entry.text}</p>}
    </div>
  );
}

export interface IFeedbackCardProps {
  api: FeedbackApi;
  kind: FeedbackKind;
  /**
   * Reload when this changes (e.g. the last activity-log entry: every
   * submission is logged).
   */
  refreshKey?: number;
  trans: TranslationBundle;
}

export function FeedbackCard(props: IFeedbackCardProps): JSX.Element {
  const { api, kind, refreshKey, trans } = props;
  const headingId = useId();
  const textId = useId();
  const verdictId = useId();
  const [view, setView] = useState<IFeedbackView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<IFeedbackDraft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);

  const show = useCallback((next: IFeedbackView) => {
    setView(next);
    setDraft(draftOf(next.mine));
    setDirty(false);
    setError(null);
  }, []);

  const load = useCallback(() => {
    api.get(kind).then(show, (reason: unknown) => {
      setError(errorMessage(reason));
    });
  }, [api, kind, show]);

  useEffect(() => {
    // Never over a draft being written.
    if (!dirty) {
      load();
    }
  }, [load, refreshKey]);

  const title =
    kind === 'scorecard' ? trans.__('Scorecard') : trans.__('Feedback');
  const submitted = view?.mine?.submitted_at ?? null;
  const readOnly = submitted !== null;
  const complete =
    CRITERIA.every(c => draft.ratings[c] !== undefined) &&
    draft.verdict !== null;

  const save = async (): Promise<boolean> => {
    setBusy(true);
    try {
      return await attempt(
        async () => show(await api.save(kind, draft)),
        trans.__('Could not save the draft')
      );
    } finally {
      setBusy(false);
    }
  };

  const submit = async (): Promise<void> => {
    const sure = await confirm({
      title:
        kind === 'scorecard'
          ? trans.__('Submit the scorecard')
          : trans.__('Submit the feedback'),
      body: trans.__(
        'Once submitted it is final: you cannot change it any more.'
      ),
      accept: trans.__('Submit'),
      trans
    });
    if (!sure || !(await save())) {
      return;
    }
    setBusy(true);
    try {
      await attempt(
        async () => show(await api.submit(kind)),
        trans.__('Could not submit')
      );
    } finally {
      setBusy(false);
    }
  };

  const setRating = (criterion: Criterion, rating: number): void => {
    setDraft({ ...draft, ratings: { ...draft.ratings, [criterion]: rating } });
    setDirty(true);
  };

  const ratings: number[] = [];
  if (view) {
    for (let r = view.rubric.min_rating; r <= view.rubric.max_rating; r++) {
      ratings.push(r);
    }
  }

  return (
    <section
      className={`cc-Card cc-FeedbackCard cc-mod-${kind}`}
      aria-labelledby={headingId}
      data-submitted={readOnly}
    >
      <h3 id={headingId} className="cc-Card-title">
        {title}
      </h3>
      {error !== null && (
        <div className="cc-Error" role="alert">
          <span>{error}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={load}
          >
            {trans.__('Retry')}
          </button>
        </div>
      )}
      {view === null ? (
        error === null && <p className="cc-Hint">{trans.__('Loading…')}</p>
      ) : (
        <form
          className="cc-FeedbackForm"
          onSubmit={event => {
            event.preventDefault();
            void save();
          }}
        >
          {view.mine?.subject && (
            <p className="cc-Hint">
              {trans.__('About %1', view.mine.subject.display_name)}
            </p>
          )}
          {readOnly && (
            <p className="cc-Hint" role="status">
              {trans.__('Submitted %1; it is final.', formatDate(submitted))}
            </p>
          )}
          {view.rubric.criteria.map(criterion => (
            <fieldset
              key={criterion}
              className="cc-Fieldset cc-Rating"
              data-criterion={criterion}
              disabled={readOnly || busy}
            >
              <legend>{criterionLabel(criterion, trans)}</legend>
              <div className="cc-ChoiceRow">
                {ratings.map(rating => (
                  <label key={rating} className="cc-Choice">
                    <input
                      type="radio"
                      name={`${headingId}-${criterion}`}
                      value={rating}
                      checked={draft.ratings[criterion] === rating}
                      onChange={() => setRating(criterion, rating)}
                    />
                    <span>{ratingLabel(rating, trans)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="cc-Field">
            <label htmlFor={verdictId} className="cc-Label">
              {trans.__('Verdict')}
            </label>
            <select
              id={verdictId}
              className="cc-Select"
              value={draft.verdict ?? ''}
              disabled={readOnly || busy}
              onChange={event => {
                const value = event.target.value as Verdict | '';
                setDraft({ ...draft, verdict: value === '' ? null : value });
                setDirty(true);
              }}
            >
              <option value="">{trans.__('Choose…')}</option>
              {view.rubric.verdicts.map(verdict => (
                <option key={verdict} value={verdict}>
                  {verdictLabel(verdict, trans)}
                </option>
              ))}
            </select>
          </div>
          <div className="cc-Field">
            <label htmlFor={textId} className="cc-Label">
              {kind === 'scorecard'
                ? trans.__('Notes for the decision')
                : trans.__('What went well, what to work on')}
            </label>
            <textarea
              id={textId}
              className="cc-Input cc-Textarea"
              maxLength={10000}
              value={draft.text}
              readOnly={readOnly}
              disabled={busy}
              onChange={event => {
                setDraft({ ...draft, text: event.target.value });
                setDirty(true);
              }}
            />
          </div>
          {!readOnly && (
            <div className="cc-ButtonRow">
              <button
                type="submit"
                className="cc-Button"
                disabled={busy || !dirty}
              >
                {trans.__('Save draft')}
              </button>
              <button
                type="button"
                className="cc-Button cc-mod-accept"
                disabled={busy || !complete}
                title={
                  complete
                    ? undefined
                    : trans.__(
                        'Rate every criterion and choose a verdict first'
                      )
                }
                onClick={() => {
                  void submit();
                }}
              >
                {trans.__('Submit')}
              </button>
            </div>
          )}
        </form>
      )}
      {view !== null && kind === 'feedback' && (
        <div className="cc-FeedbackReceived">
          <h4 className="cc-Section-subtitle">{trans.__('About you')}</h4>
          {view.shown.length === 0 ? (
            <p className="cc-Hint">
              {view.waiting > 0
                ? trans.__(
                    'Feedback about you is waiting: submit yours to see it.'
                  )
                : trans.__('Nobody has submitted feedback about you yet.')}
            </p>
          ) : (
            view.shown.map(entry => (
              <EntryView
                key={`${entry.author.id}-${entry.kind}`}
                entry={entry}
                trans={trans}
              />
            ))
          )}
        </div>
      )}
      {view !== null && kind === 'scorecard' && view.shown.length > 0 && (
        <div className="cc-FeedbackReceived">
          <h4 className="cc-Section-subtitle">
            {trans.__("Other interviewers' scorecards")}
          </h4>
          {view.shown.map(entry => (
            <EntryView key={entry.author.id} entry={entry} trans={trans} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * The "Problems" section of the sidebar: the problem bank, writing a
 * problem of my own, and my progress.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

/**
 * What the section's buttons do.
 */
export interface IPracticeActions {
  browseProblems: () => void;
  newProblem: () => void;
  myProgress: () => void;
}

export interface IPracticeSectionProps {
  actions: IPracticeActions;
  trans: TranslationBundle;
}

export function PracticeSection(props: IPracticeSectionProps): JSX.Element {
  const { actions, trans } = props;
  const headingId = useId();
  return (
    <section
      className="cc-Section cc-PracticeSection"
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cc-Section-title">
        {trans.__('Problems')}
      </h3>
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button"
          onClick={actions.browseProblems}
        >
          {trans.__('Browse problems')}
        </button>
        <button
          type="button"
          className="cc-Button"
          onClick={actions.myProgress}
        >
          {trans.__('My progress')}
        </button>
        <button
          type="button"
          className="cc-Button"
          onClick={actions.newProblem}
        >
          {trans.__('Write a problem')}
        </button>
      </div>
    </section>
  );
}

/**
 * The runner's warning (e.g. code runs without a sandbox), as a banner.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

export interface IRunnerWarningProps {
  warning: string;
  trans: TranslationBundle;
}

export function RunnerWarning(props: IRunnerWarningProps): JSX.Element {
  const { warning, trans } = props;
  return (
    <div
      className="cc-RunnerWarning"
      role="alert"
      data-testid="codecall-runner-warning"
    >
      <strong className="cc-RunnerWarning-title">
        {trans.__('Code runner warning')}
      </strong>
      <span className="cc-RunnerWarning-text">{warning}</span>
    </div>
  );
}

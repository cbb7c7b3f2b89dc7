/**
 * The session's runs, newest first; picking one shows its result.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { verdictLabel } from '../../runLabels';
import { IRun } from '../../runTypes';
import { formatTime } from '../../utils';

export interface IRunHistoryProps {
  runs: ReadonlyArray<IRun>;
  selectedId: string | null;
  error: string | null;
  nameOf: (userId: number | null) => string;
  languageName: (id: string) => string;
  onSelect: (runId: string) => void;
  trans: TranslationBundle;
}

function outcome(run: IRun): string {
  if (run.status !== 'done') {
    return 'cc-mod-active';
  }
  return run.verdict === 'OK' ? 'cc-mod-ok' : 'cc-mod-fail';
}

export function RunHistory(props: IRunHistoryProps): JSX.Element {
  const { runs, selectedId, nameOf, languageName, onSelect, trans } = props;
  const headingId = useId();
  return (
    <section className="cc-RunHistory" aria-labelledby={headingId}>
      <h4 id={headingId} className="cc-RunHistory-title">
        {trans.__('Runs in this session')}
      </h4>
      {props.error && (
        <p className="cc-Hint cc-mod-warning">
          {trans.__('Could not load the runs: %1', props.error)}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="cc-Hint" data-testid="codecall-run-history">
          {trans.__('No runs yet.')}
        </p>
      ) : (
        <ol
          className="cc-RunHistory-list"
          aria-labelledby={headingId}
          data-testid="codecall-run-history"
        >
          {runs.map(run => {
            const who = nameOf(run.user_id);
            const language = languageName(run.language);
            const verdict = verdictLabel(run, trans);
            const tests =
              run.mode === 'judge' && run.total !== null
                ? trans.__('%1/%2 tests', run.passed ?? 0, run.total)
                : null;
            return (
              <li key={run.id} data-run-id={run.id}>
                <button
                  type="button"
                  className="cc-RunHistory-item"
                  aria-current={run.id === selectedId ? 'true' : undefined}
                  aria-label={trans.__(
                    '%1 ran %2 in %3 at %4: %5',
                    who,
                    run.entry,
                    language,
                    formatTime(run.created_at),
                    verdict
                  )}
                  onClick={() => onSelect(run.id)}
                >
                  <span className={`cc-RunHistory-verdict ${outcome(run)}`}>
                    {verdict}
                  </span>
                  <span className="cc-RunHistory-who">{who}</span>
                  <span className="cc-RunHistory-meta">
                    {[language, tests, formatTime(run.created_at)]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

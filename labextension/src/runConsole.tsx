/**
 * The "Run" section of a session panel: run the session's files or judge
 * them against test cases, see the result, and the runs of everyone in the
 * session.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useCallback, useId, useMemo } from 'react';

import { RunForm } from './components/run/RunForm';
import { RunHistory } from './components/run/RunHistory';
import { RunResult } from './components/run/RunResult';
import { RunnerWarning } from './components/run/RunnerWarning';
import { useStateOf } from './hooks';
import { languageLabel } from './labels';
import { RunModel } from './runModel';
import { mayRunIn } from './runState';
import { IRunnerStatus } from './runTypes';
import { ISessionDetail, LANGUAGES, Language } from './types';

export interface IRunConsoleProps {
  model: RunModel;
  session: ISessionDetail;
  myUserId: number | null;
  trans: TranslationBundle;
}

function isKnownLanguage(id: string): id is Language {
  return (LANGUAGES as readonly string[]).includes(id);
}

export function RunConsole(props: IRunConsoleProps): JSX.Element {
  const { model, session, myUserId, trans } = props;
  const state = useStateOf(model);
  const runner = useStateOf(model.runner).data;
  const headingId = useId();
  const { form, languages, shown } = state;

  const names = useMemo(() => {
    const map = new Map<number, string>();
    map.set(session.host.id, session.host.display_name);
    for (const p of session.participants) {
      map.set(p.user.id, p.user.display_name);
    }
    return map;
  }, [session]);
  const nameOf = useCallback(
    (userId: number | null): string => {
      if (userId !== null && userId === myUserId) {
        return trans.__('You');
      }
      const name = userId === null ? undefined : names.get(userId);
      return name ?? trans.__('Someone');
    },
    [names, myUserId, trans]
  );
  const languageName = useCallback(
    (id: string): string => {
      const found = languages?.find(lang => lang.id === id);
      if (found) {
        return found.name;
      }
      return isKnownLanguage(id) ? languageLabel(id, trans) : id;
    },
    [languages, trans]
  );

  const mayRun = mayRunIn(session);
  const unavailable = runner?.isolation === 'unavailable';
  const active = shown !== null && shown.status !== 'done';
  const mine = shown !== null && shown.user_id === myUserId;
  const canStop = mayRun && active && (mine || session.is_host);
  const canRun =
    mayRun && !unavailable && !state.submitting && !(active && mine);

  return (
    <section className="cc-Card cc-RunConsole" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Run')}
      </h3>
      {runner?.warning && (
        <RunnerWarning warning={runner.warning} trans={trans} />
      )}
      {unavailable && (
        <div className="cc-Error cc-RunProblems" role="alert">
          <span>{trans.__('Code cannot run on this server:')}</span>
          <ul>
            {(runner?.problems ?? []).map(problem => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {runner &&
        (runner.isolation === 'sandboxed' ||
          runner.isolation === 'reduced') && (
          <p
            className="cc-Hint cc-RunIsolation"
            data-testid="codecall-run-isolation"
          >
            {isolationLine(runner, trans)}
          </p>
        )}
      {runner?.isolation === 'starting' && (
        <p className="cc-Hint">{trans.__('The code runner is starting…')}</p>
      )}
      {state.languagesError && (
        <p className="cc-Hint cc-mod-warning">
          {trans.__('Could not load the languages: %1', state.languagesError)}
        </p>
      )}
      {mayRun ? (
        <RunForm
          form={form}
          languages={languages}
          canRun={canRun}
          canStop={canStop}
          onChange={patch => model.setForm(patch)}
          onLanguage={id => model.setLanguage(id)}
          onRun={() => {
            void model.run();
          }}
          onStop={() => {
            void model.stop();
          }}
          onSubmitProblem={
            session.problem_id
              ? () => {
                  void model.submit();
                }
              : undefined
          }
          trans={trans}
        />
      ) : (
        <p className="cc-Hint">
          {session.status === 'ENDED'
            ? trans.__('The session has ended: its runs stay here to read.')
            : session.my_state === 'left'
              ? trans.__('You left the session: its runs stay here to read.')
              : trans.__('Observers see the runs and their results.')}
        </p>
      )}
      {state.error && (
        <div className="cc-Error" role="alert">
          <span>{state.error.message}</span>
          {state.error.retryAfter !== null && (
            <span>
              {trans.__('Try again in %1 s.', state.error.retryAfter)}
            </span>
          )}
        </div>
      )}
      <div className="cc-RunConsole-body">
        <div className="cc-RunConsole-result">
          {shown ? (
            <RunResult
              run={shown}
              live={state.live}
              runningSince={state.runningSince}
              who={nameOf(shown.user_id)}
              languageName={languageName(shown.language)}
              outputLimit={runner?.limits.output_bytes ?? null}
              trans={trans}
            />
          ) : (
            <p className="cc-Hint">
              {trans.__('Results show here once someone runs the code.')}
            </p>
          )}
        </div>
        <RunHistory
          runs={state.history}
          selectedId={shown?.id ?? null}
          error={state.historyError}
          nameOf={nameOf}
          languageName={languageName}
          onSelect={id => model.select(id)}
          trans={trans}
        />
      </div>
    </section>
  );
}

/**
 * How runs are isolated here, in one line: the level and the limits every run gets.
 */
function isolationLine(
  runner: IRunnerStatus,
  trans: TranslationBundle
): string {
  const limits = runner.limits;
  const level =
    runner.isolation === 'sandboxed'
      ? trans.__('Sandboxed')
      : trans.__('Sandboxed, with reduced limits');
  return trans.__(
    '%1: no network, a private folder, %2 s and %3 MB per run.',
    level,
    String(limits.wall ?? '?'),
    String(limits.memory_mb ?? '?')
  );
}

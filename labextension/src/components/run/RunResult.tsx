/**
 * The run on show: queued, running (with what it printed so far), or done
 * with its verdict, times, output and test cases.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { ILiveOutput } from '../../runFollow';
import { formatBytes, formatMs, verdictLabel } from '../../runLabels';
import { IRun } from '../../runTypes';
import { formatTime } from '../../utils';
import { CaseList, OutputBlock } from './RunOutput';

export interface IRunResultProps {
  run: IRun;
  live: ILiveOutput | null;
  runningSince: number | null;
  /**
   * Who started the run, and in which language, in words.
   */
  who: string;
  languageName: string;
  /**
   * The runner's output limit (bytes), when known.
   */
  outputLimit: number | null;
  trans: TranslationBundle;
}

/**
 * The current time, ticking every second while `active`.
 */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      return;
    }
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function Celebration(props: { total: number; trans: TranslationBundle }) {
  const { total, trans } = props;
  return (
    <div className="cc-Celebrate" role="status">
      <span className="cc-Celebrate-bits" aria-hidden="true">
        {Array.from({ length: 12 }, (_, i) => (
          <i key={i} />
        ))}
      </span>
      <span className="cc-Celebrate-text">
        {total === 1
          ? trans.__('The test passed!')
          : trans.__('All %1 tests passed!', total)}
      </span>
    </div>
  );
}

/**
 * How a judging went on its hidden cases (whose texts stay hidden): a
 * bar of the passed share and the count.
 */
function HiddenSummary(props: {
  run: IRun;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { run, trans } = props;
  const hidden = (run.cases ?? []).filter(item => item.hidden);
  if (hidden.length === 0) {
    return null;
  }
  const passed = hidden.filter(item => item.verdict === 'OK').length;
  return (
    <div className="cc-HiddenSummary" data-testid="codecall-run-hidden">
      <meter
        className="cc-HiddenSummary-meter"
        min={0}
        max={hidden.length}
        value={passed}
        aria-label={trans.__('Hidden cases passed')}
      />
      <span>
        {trans.__(
          'Hidden cases: %1 of %2 passed (only pass or fail is shown).',
          passed,
          hidden.length
        )}
      </span>
    </div>
  );
}

function Stats(props: { run: IRun; trans: TranslationBundle }): JSX.Element {
  const { run, trans } = props;
  const stats: Array<[string, string, string]> = [];
  if (run.wall_ms !== null) {
    stats.push(['wall', trans.__('Time'), formatMs(run.wall_ms, trans)]);
  }
  if (run.cpu_ms !== null) {
    stats.push(['cpu', trans.__('CPU'), formatMs(run.cpu_ms, trans)]);
  }
  if (run.memory_bytes) {
    stats.push([
      'memory',
      trans.__('Memory'),
      formatBytes(run.memory_bytes, trans)
    ]);
  }
  if (run.mode === 'judge' && run.total !== null) {
    stats.push([
      'tests',
      trans.__('Tests'),
      trans.__('%1 of %2 passed', run.passed ?? 0, run.total)
    ]);
  }
  if (run.exit_code !== null && run.exit_code !== 0) {
    stats.push(['exit', trans.__('Exit code'), String(run.exit_code)]);
  }
  if (run.signal !== null) {
    stats.push(['signal', trans.__('Signal'), String(run.signal)]);
  }
  return (
    <dl className="cc-RunStats">
      {stats.map(([name, label, value]) => (
        <div key={name} className="cc-RunStat" data-stat={name}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RunResult(props: IRunResultProps): JSX.Element {
  const { run, live, runningSince, who, languageName, trans } = props;
  const active = run.status !== 'done';
  const now = useNow(run.status === 'running');
  const stdout = active ? (live?.stdout ?? '') : run.stdout;
  const stderr = active ? (live?.stderr ?? '') : run.stderr;
  const ok = run.verdict === 'OK';
  const allPassed =
    run.mode === 'judge' && ok && !!run.total && run.passed === run.total;

  let status: JSX.Element;
  if (run.status === 'queued') {
    status = (
      <span className="cc-RunStatus" role="status">
        {run.position > 0
          ? trans.__('Queued — position %1', run.position)
          : trans.__('Queued…')}
      </span>
    );
  } else if (run.status === 'running') {
    const since = runningSince ?? now;
    status = (
      <span className="cc-RunStatus" role="status">
        <span className="cc-Spinner" aria-hidden="true" />
        {trans.__(
          'Running… %1 s',
          Math.max(0, Math.floor((now - since) / 1000))
        )}
      </span>
    );
  } else {
    status = (
      <span
        className={`cc-VerdictBadge ${ok ? 'cc-mod-ok' : 'cc-mod-fail'}`}
        data-testid="codecall-run-verdict"
        data-verdict={run.verdict ?? ''}
        role="status"
      >
        {verdictLabel(run, trans)}
      </span>
    );
  }

  return (
    <section
      className="cc-RunResult"
      data-run-id={run.id}
      data-status={run.status}
      aria-label={trans.__('Run result')}
    >
      <div className="cc-RunResult-head">
        {status}
        <span className="cc-RunResult-meta">
          {trans.__(
            '%1 ran %2 (%3) at %4',
            who,
            run.entry,
            languageName,
            formatTime(run.created_at)
          )}
        </span>
      </div>
      {!active && run.message && (
        <p className="cc-RunResult-message">{run.message}</p>
      )}
      {!active && <Stats run={run} trans={trans} />}
      {!active && <HiddenSummary run={run} trans={trans} />}
      {allPassed && <Celebration total={run.total ?? 0} trans={trans} />}
      {run.compile_output && (
        <OutputBlock
          kind="compile"
          text={run.compile_output}
          label={trans.__('Compiler output')}
        />
      )}
      {stdout && (
        <OutputBlock
          kind="stdout"
          text={stdout}
          label={trans.__('Output (stdout)')}
        />
      )}
      {stderr && (
        <OutputBlock
          kind="stderr"
          text={stderr}
          label={trans.__('Errors (stderr)')}
        />
      )}
      {!stdout && !stderr && run.mode === 'run' && (
        <p className="cc-Hint">
          {active
            ? trans.__('No output yet.')
            : trans.__('The program printed nothing.')}
        </p>
      )}
      {run.truncated && (
        <p className="cc-RunResult-truncated" role="note">
          {props.outputLimit
            ? trans.__(
                'Output truncated: only the first %1 were kept.',
                formatBytes(props.outputLimit, trans)
              )
            : trans.__('Output truncated: the rest was dropped.')}
        </p>
      )}
      {run.cases && run.cases.length > 0 && (
        <CaseList cases={run.cases} trans={trans} />
      )}
    </section>
  );
}

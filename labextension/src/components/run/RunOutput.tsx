/**
 * Program output as text in a monospace block, and the test cases of a
 * judging. Everything the program or a user wrote is rendered as text.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { caseLabel, formatBytes, formatMs } from '../../runLabels';
import { IRunCase } from '../../runTypes';

export type OutputKind = 'stdout' | 'stderr' | 'compile';

export interface IOutputBlockProps {
  kind: OutputKind;
  text: string;
  label: string;
}

export function OutputBlock(props: IOutputBlockProps): JSX.Element {
  const { kind, text, label } = props;
  return (
    <figure className={`cc-RunOutput cc-mod-${kind}`}>
      <figcaption className="cc-RunOutput-label">{label}</figcaption>
      <pre
        className="cc-RunOutput-text"
        data-testid={kind === 'compile' ? undefined : `codecall-run-${kind}`}
        aria-label={label}
        tabIndex={0}
      >
        {text}
      </pre>
    </figure>
  );
}

export interface ICaseListProps {
  cases: ReadonlyArray<IRunCase>;
  trans: TranslationBundle;
}

function caseStats(item: IRunCase, trans: TranslationBundle): string {
  const parts: string[] = [];
  if (item.wall !== null) {
    parts.push(formatMs(item.wall * 1000, trans));
  }
  if (item.memory) {
    parts.push(formatBytes(item.memory, trans));
  }
  return parts.join(' · ');
}

function CaseText(props: {
  label: string;
  text: string | null;
}): JSX.Element | null {
  if (props.text === null) {
    return null;
  }
  return (
    <div className="cc-RunCase-text">
      <span className="cc-RunCase-textLabel">{props.label}</span>
      <pre className="cc-RunOutput-text" tabIndex={0} aria-label={props.label}>
        {props.text}
      </pre>
    </div>
  );
}

/**
 * One row per test case; hidden ones only say whether they passed.
 */
export function CaseList(props: ICaseListProps): JSX.Element {
  const { cases, trans } = props;
  return (
    <ol className="cc-RunCases" aria-label={trans.__('Test cases')}>
      {cases.map((item, index) => {
        const ok = item.verdict === 'OK';
        const name = item.hidden
          ? trans.__('Test %1 (hidden)', index + 1)
          : trans.__('Test %1', index + 1);
        const head = (
          <>
            <span className="cc-RunCase-name">{name}</span>
            <span
              className={`cc-RunCase-verdict ${ok ? 'cc-mod-ok' : 'cc-mod-fail'}`}
              data-verdict={item.verdict}
            >
              {caseLabel(item, trans)}
            </span>
            {!item.hidden && (
              <span className="cc-RunCase-stats">{caseStats(item, trans)}</span>
            )}
          </>
        );
        return (
          <li key={item.id} className="cc-RunCase" data-case={item.id}>
            {item.hidden ? (
              <div className="cc-RunCase-head">{head}</div>
            ) : (
              <details className="cc-RunCase-details" open={!ok}>
                <summary className="cc-RunCase-head">{head}</summary>
                <CaseText label={trans.__('Input')} text={item.input} />
                <CaseText label={trans.__('Expected')} text={item.expected} />
                <CaseText label={trans.__('Output')} text={item.stdout} />
                {item.stderr ? (
                  <CaseText label={trans.__('Errors')} text={item.stderr} />
                ) : null}
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

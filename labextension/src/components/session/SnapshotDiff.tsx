/**
 * A diff between two states of a session's documents: each file's
 * unified diff, line by line, rendered as text.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { IFileDiff } from '../../replayTypes';

export interface ISnapshotDiffProps {
  /**
   * E.g. "Changes from “before” to now".
   */
  title: string;
  files: ReadonlyArray<IFileDiff>;
  onClose: () => void;
  trans: TranslationBundle;
}

type LineKind = 'add' | 'del' | 'hunk' | 'meta' | 'context';

function lineKind(line: string): LineKind {
  if (line.startsWith('+++') || line.startsWith('---')) {
    return 'meta';
  }
  if (line.startsWith('@@')) {
    return 'hunk';
  }
  if (line.startsWith('+')) {
    return 'add';
  }
  if (line.startsWith('-')) {
    return 'del';
  }
  return 'context';
}

function statusLabel(
  status: IFileDiff['status'],
  trans: TranslationBundle
): string {
  switch (status) {
    case 'added':
      return trans.__('added');
    case 'removed':
      return trans.__('removed');
    case 'changed':
      return trans.__('changed');
    default:
      return trans.__('unchanged');
  }
}

export function SnapshotDiff(props: ISnapshotDiffProps): JSX.Element {
  const { title, files, onClose, trans } = props;
  const headingId = useId();
  const changed = files.filter(file => file.status !== 'same');
  return (
    <section className="cc-SnapshotDiff" aria-labelledby={headingId}>
      <div className="cc-SnapshotDiff-head">
        <h4 id={headingId} className="cc-SnapshotDiff-title">
          {title}
        </h4>
        <button
          type="button"
          className="cc-Button cc-mod-small"
          onClick={onClose}
        >
          {trans.__('Close diff')}
        </button>
      </div>
      {changed.length === 0 ? (
        <p className="cc-Hint" role="status">
          {trans.__('No file changed.')}
        </p>
      ) : (
        changed.map(file => (
          <div
            key={file.path}
            className="cc-SnapshotDiff-file"
            data-path={file.path}
            data-status={file.status}
          >
            <div className="cc-SnapshotDiff-path">
              <span>{file.path}</span>
              <span className="cc-SnapshotDiff-status">
                {statusLabel(file.status, trans)}
              </span>
            </div>
            <pre
              className="cc-Diff"
              tabIndex={0}
              aria-label={trans.__('Diff of %1', file.path)}
            >
              {file.diff
                .replace(/\n$/, '')
                .split('\n')
                .map((line, index) => (
                  <span
                    key={index}
                    className="cc-Diff-line"
                    data-kind={lineKind(line)}
                  >
                    {line}
                    {'\n'}
                  </span>
                ))}
            </pre>
          </div>
        ))
      )}
    </section>
  );
}

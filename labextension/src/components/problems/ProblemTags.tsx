/**
 * A problem's tags, and the mark of a problem I solved.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { checkIcon } from '@jupyterlab/ui-components';
import React from 'react';

export interface IProblemTagsProps {
  tags: ReadonlyArray<string>;
  trans: TranslationBundle;
}

export function ProblemTags(props: IProblemTagsProps): JSX.Element | null {
  const { tags, trans } = props;
  if (tags.length === 0) {
    return null;
  }
  return (
    // Spans, so that it may sit inside a button too.
    <span className="cc-TagList" role="list" aria-label={trans.__('Tags')}>
      {tags.map(tag => (
        <span key={tag} className="cc-Tag" role="listitem">
          {tag}
        </span>
      ))}
    </span>
  );
}

export function SolvedMark(props: { trans: TranslationBundle }): JSX.Element {
  const { trans } = props;
  return (
    <span className="cc-SolvedMark" title={trans.__('You solved it')}>
      <span className="cc-SolvedMark-icon" aria-hidden="true">
        <checkIcon.react tag="span" elementSize="small" />
      </span>
      <span className="cc-SolvedMark-text">{trans.__('Solved')}</span>
    </span>
  );
}

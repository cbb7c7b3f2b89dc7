/**
 * A problem's examples: input, expected output and the explanation.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IProblemExample } from '../../problemTypes';
import { Markdown } from '../Markdown';

export interface IProblemExamplesProps {
  examples: ReadonlyArray<IProblemExample>;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

export function ProblemExamples(props: IProblemExamplesProps): JSX.Element {
  const { examples, rendermime, trans } = props;
  return (
    <ol className="cc-Examples">
      {examples.map((example, index) => (
        <li key={example.id} className="cc-Example" data-case={example.id}>
          <h4 className="cc-Example-title">
            {trans.__('Example %1', index + 1)}
          </h4>
          <div className="cc-Example-io">
            <figure className="cc-Example-block">
              <figcaption className="cc-Label">{trans.__('Input')}</figcaption>
              <pre className="cc-Example-text" tabIndex={0}>
                {example.input}
              </pre>
            </figure>
            <figure className="cc-Example-block">
              <figcaption className="cc-Label">
                {trans.__('Expected output')}
              </figcaption>
              <pre className="cc-Example-text" tabIndex={0}>
                {example.expected}
              </pre>
            </figure>
          </div>
          {example.explanation && (
            <Markdown
              source={example.explanation}
              rendermime={rendermime}
              className="cc-Example-explanation"
            />
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * Read-only source code, highlighted by JupyterLab's Markdown renderer.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import React from 'react';

import { fencedCode } from '../problemStatement';
import { Markdown } from './Markdown';

export interface ICodeBlockProps {
  source: string;
  /**
   * A language id of the runner (python, cpp, …), for highlighting.
   */
  language: string;
  rendermime: IRenderMimeRegistry;
  label: string;
}

export function CodeBlock(props: ICodeBlockProps): JSX.Element {
  const { source, language, rendermime, label } = props;
  return (
    <Markdown
      source={fencedCode(source, language)}
      rendermime={rendermime}
      className="cc-CodeBlock"
      label={label}
    />
  );
}

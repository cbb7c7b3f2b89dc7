/**
 * Markdown written by people (problem statements, hints), rendered by
 * JupyterLab's own Markdown renderer as untrusted content: its HTML is
 * sanitized, scripts never run.
 */
import { IRenderMimeRegistry, MimeModel } from '@jupyterlab/rendermime';
import React, { useEffect, useRef } from 'react';

const MARKDOWN = 'text/markdown';

export interface IMarkdownProps {
  source: string;
  rendermime: IRenderMimeRegistry;
  className?: string;
  /**
   * An accessible name for the rendered block.
   */
  label?: string;
}

export function Markdown(props: IMarkdownProps): JSX.Element {
  const { source, rendermime, className, label } = props;
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = host.current;
    if (node === null) {
      return;
    }
    // Its node only: the renderer needs no attach messages, and React may
    // take the host out of the page before this effect is cleaned up.
    const renderer = rendermime.createRenderer(MARKDOWN);
    node.appendChild(renderer.node);
    let live = true;
    renderer
      .renderModel(
        new MimeModel({ data: { [MARKDOWN]: source }, trusted: false })
      )
      .catch(() => {
        // Never leave it blank: the text itself, as text.
        if (live) {
          renderer.node.textContent = source;
        }
      });
    return () => {
      live = false;
      renderer.node.remove();
      renderer.dispose();
    };
  }, [source, rendermime]);

  return (
    <div
      ref={host}
      className={`cc-Markdown${className ? ` ${className}` : ''}`}
      role={label ? 'region' : undefined}
      aria-label={label}
    />
  );
}

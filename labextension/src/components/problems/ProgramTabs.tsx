/**
 * A problem's programs (its starters) one language at a time: a tab list
 * driven by the arrow keys, Home and End, and the chosen program's code.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useMemo, useRef, useState } from 'react';

import { programLanguageLabel } from '../../problemLabels';
import { IProgram, PROGRAM_FILES } from '../../problemTypes';
import { CodeBlock } from '../CodeBlock';

export interface IProgramTabsProps {
  programs: ReadonlyArray<IProgram>;
  /**
   * The accessible name of the tab list.
   */
  label: string;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

/**
 * Programs in the usual order of languages (Python first), not by file name.
 */
function inLanguageOrder(programs: ReadonlyArray<IProgram>): IProgram[] {
  const rank = (program: IProgram): number => {
    const index = PROGRAM_FILES.findIndex(([id]) => id === program.language);
    return index < 0 ? PROGRAM_FILES.length : index;
  };
  return [...programs].sort((a, b) => rank(a) - rank(b));
}

export function ProgramTabs(props: IProgramTabsProps): JSX.Element | null {
  const { label, rendermime, trans } = props;
  const programs = useMemo(
    () => inLanguageOrder(props.programs),
    [props.programs]
  );
  const id = useId();
  const [chosen, setChosen] = useState(0);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  if (programs.length === 0) {
    return null;
  }
  const index = Math.min(chosen, programs.length - 1);
  const program = programs[index];

  const focus = (next: number): void => {
    const wrapped = (next + programs.length) % programs.length;
    setChosen(wrapped);
    tabs.current[wrapped]?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent): void => {
    const moves: { [key: string]: number } = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: programs.length - 1
    };
    if (event.key in moves) {
      event.preventDefault();
      focus(moves[event.key]);
    }
  };

  return (
    <div className="cc-ProgramTabs">
      <div
        className="cc-ProgramTabs-list"
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        {programs.map((item, i) => (
          <button
            key={item.file}
            ref={node => {
              tabs.current[i] = node;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            className="cc-ProgramTabs-tab"
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => setChosen(i)}
          >
            {programLanguageLabel(item.language, trans)}
          </button>
        ))}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        className="cc-ProgramTabs-panel"
        aria-labelledby={`${id}-tab-${index}`}
      >
        <p className="cc-Hint cc-ProgramTabs-file">{program.file}</p>
        <CodeBlock
          source={program.source}
          language={program.language}
          rendermime={rendermime}
          label={trans.__(
            '%1 (%2)',
            program.file,
            programLanguageLabel(program.language, trans)
          )}
        />
      </div>
    </div>
  );
}

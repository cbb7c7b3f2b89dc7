/**
 * Choose a problem from the bank: a combobox that searches as you type
 * (arrow keys move through the problems found, Enter picks one, Escape
 * closes the list), or the problem chosen with a button to remove it.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useId, useRef, useState } from 'react';

import { errorMessage } from '../../api';
import { IProblemSummary } from '../../problemTypes';
import { DifficultyBadge } from './DifficultyBadge';
import { SolvedMark } from './ProblemTags';

/**
 * How many problems the list shows.
 */
const SHOWN = 8;
const SEARCH_DELAY = 200;

export interface IProblemPickerProps {
  /**
   * The problem chosen, or null.
   */
  value: IProblemSummary | null;
  onChange: (problem: IProblemSummary | null) => void;
  search: (text: string) => Promise<IProblemSummary[]>;
  /**
   * The id of the field's label.
   */
  labelId: string;
  describedBy?: string;
  trans: TranslationBundle;
}

export function ProblemPicker(props: IProblemPickerProps): JSX.Element {
  const { value, onChange, search, labelId, describedBy, trans } = props;
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<IProblemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);

  // Search as the text changes (while the list is open), the last one wins.
  useEffect(() => {
    if (!open) {
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      search(text).then(
        problems => {
          if (current) {
            setFound(problems.slice(0, SHOWN));
            setError(null);
            setActive(problems.length > 0 ? 0 : -1);
          }
        },
        (reason: unknown) => {
          if (current) {
            setError(errorMessage(reason));
          }
        }
      );
    }, SEARCH_DELAY);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, open, search]);

  const pick = (problem: IProblemSummary): void => {
    onChange(problem);
    setOpen(false);
    setText('');
  };

  // The dialog around takes Enter (accept) and Escape (cancel) in its own
  // capture phase; while the list is open they belong to the list.
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event: KeyboardEvent): void => {
    if (event.target !== input.current || !open) {
      return;
    }
    if (event.key === 'Enter' && found && active >= 0 && found[active]) {
      event.preventDefault();
      event.stopPropagation();
      pick(found[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => keys.current(event);
    document.addEventListener('keydown', listener, true);
    return () => document.removeEventListener('keydown', listener, true);
  }, []);

  if (value !== null) {
    return (
      <div className="cc-ProblemPicker-chosen" data-problem-id={value.id}>
        <span className="cc-ProblemPicker-title">{value.title}</span>
        <DifficultyBadge difficulty={value.difficulty} trans={trans} />
        <button
          type="button"
          className="cc-Button cc-mod-small"
          aria-label={trans.__('Remove the problem %1', value.title)}
          onClick={() => {
            onChange(null);
            window.requestAnimationFrame(() => input.current?.focus());
          }}
        >
          {trans.__('Remove')}
        </button>
      </div>
    );
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const count = found?.length ?? 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
      } else if (count > 0) {
        setActive((active + 1) % count);
      }
    } else if (event.key === 'ArrowUp' && open && count > 0) {
      event.preventDefault();
      setActive((active - 1 + count) % count);
    }
  };

  const expanded = open && found !== null;
  return (
    <div className="cc-ProblemPicker">
      <input
        ref={input}
        className="cc-Input"
        type="text"
        role="combobox"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={
          expanded && active >= 0 ? `${id}-option-${active}` : undefined
        }
        autoComplete="off"
        spellCheck={false}
        placeholder={trans.__('Search the problems, e.g. hashing')}
        value={text}
        onChange={event => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        className="cc-ProblemPicker-list"
        aria-labelledby={labelId}
        hidden={!expanded}
      >
        {(found ?? []).map((problem, i) => (
          <li
            key={problem.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className="cc-ProblemPicker-option"
            data-problem-id={problem.id}
            // Chosen before the input's blur closes the list.
            onMouseDown={event => {
              event.preventDefault();
              pick(problem);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="cc-ProblemPicker-title">{problem.title}</span>
            <DifficultyBadge difficulty={problem.difficulty} trans={trans} />
            {problem.solved && <SolvedMark trans={trans} />}
            <span className="cc-ProblemPicker-tags">
              {problem.tags.join(', ')}
            </span>
          </li>
        ))}
        {found !== null && found.length === 0 && (
          <li className="cc-ProblemPicker-empty" role="presentation">
            {trans.__('No problem matches.')}
          </li>
        )}
      </ul>
      {error && (
        <p className="cc-Hint cc-mod-warning" role="alert">
          {trans.__('Could not search the problems: %1', error)}
        </p>
      )}
    </div>
  );
}

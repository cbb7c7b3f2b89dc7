/**
 * The tools of a session for the people inside it: its replay, and my
 * private notes (the host and interviewers; in peer mode both sides).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

export interface ISessionToolsProps {
  openReplay: () => void;
  /**
   * Open my private notes; absent when I may not have notes.
   */
  openNotes?: () => void;
  trans: TranslationBundle;
}

export function SessionTools(props: ISessionToolsProps): JSX.Element {
  const { openReplay, openNotes, trans } = props;
  return (
    <div
      className="cc-SessionTools"
      role="group"
      aria-label={trans.__('Session tools')}
    >
      <button
        type="button"
        className="cc-Button"
        title={trans.__(
          'Replay the session: its code and whiteboard at any moment'
        )}
        onClick={openReplay}
      >
        {trans.__('Replay')}
      </button>
      {openNotes && (
        <button
          type="button"
          className="cc-Button"
          title={trans.__(
            'Open your private notes on this session: nobody else can read them'
          )}
          onClick={openNotes}
        >
          {trans.__('Notes')}
        </button>
      )}
    </div>
  );
}

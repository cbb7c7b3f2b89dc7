/**
 * The tools of a session for the people inside it: the shared editor, its
 * replay, and my private notes (the host and interviewers; in peer mode
 * both sides).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

export interface ISessionToolsProps {
  /**
   * Open the shared solution beside the panel; absent once the session ended.
   */
  openEditor?: () => void;
  openReplay: () => void;
  /**
   * Open my private notes; absent when I may not have notes.
   */
  openNotes?: () => void;
  trans: TranslationBundle;
}

export function SessionTools(props: ISessionToolsProps): JSX.Element {
  const { openEditor, openReplay, openNotes, trans } = props;
  return (
    <div
      className="cc-SessionTools"
      role="group"
      aria-label={trans.__('Session tools')}
    >
      {openEditor && (
        <button
          type="button"
          className="cc-Button"
          title={trans.__(
            'Open the shared solution beside this panel, and its files in the file browser'
          )}
          onClick={openEditor}
        >
          {trans.__('Open editor')}
        </button>
      )}
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

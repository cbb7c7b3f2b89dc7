/**
 * One chat message: author, time, its edited/deleted marks, the text as
 * Markdown, and editing or deleting it when it is mine.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { chatMarkdown } from '../../chatMarkdown';
import { ChatModel, IChatMessage } from '../../chatModel';
import { confirm } from '../../confirm';
import { formatDate, formatTime } from '../../utils';
import { Markdown } from '../Markdown';

export interface IChatMessageProps {
  message: IChatMessage;
  mine: boolean;
  live: boolean;
  model: ChatModel;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

export function ChatMessageItem(props: IChatMessageProps): JSX.Element {
  const { message, mine, live, model, rendermime, trans } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const editId = useId();
  const author = message.author;
  const name = mine
    ? trans.__('You')
    : (author?.display_name ?? trans.__('A former user'));
  const time = formatTime(message.created_at);
  const canChange = mine && live && !message.deleted;

  const save = (): void => {
    if (editing === null) {
      return;
    }
    if (editing.trim() === message.text) {
      setEditing(null);
      return;
    }
    if (model.edit(message.id, editing)) {
      setEditing(null);
    }
  };

  return (
    <li
      className={`cc-ChatMessage${mine ? ' cc-mod-mine' : ''}${
        message.deleted ? ' cc-mod-deleted' : ''
      }`}
      data-id={message.id}
      data-author={author?.username ?? ''}
    >
      <div className="cc-ChatMessage-meta">
        <span
          className="cc-ChatMessage-dot"
          aria-hidden="true"
          style={author?.color ? { background: author.color } : undefined}
        />
        <span className="cc-ChatMessage-author">{name}</span>
        <time
          className="cc-ChatMessage-time"
          dateTime={message.created_at}
          title={formatDate(message.created_at)}
        >
          {time}
        </time>
        {message.edited_at !== null && !message.deleted && (
          <span
            className="cc-ChatMessage-mark"
            data-mark="edited"
            title={formatDate(message.edited_at)}
          >
            {trans.__('(edited)')}
          </span>
        )}
        {canChange && editing === null && (
          <span className="cc-ChatMessage-actions">
            <button
              type="button"
              className="cc-Button cc-mod-small"
              aria-label={trans.__('Edit your message from %1', time)}
              onClick={() => setEditing(message.text)}
            >
              {trans.__('Edit')}
            </button>
            <button
              type="button"
              className="cc-Button cc-mod-small cc-mod-warn"
              aria-label={trans.__('Delete your message from %1', time)}
              onClick={() => {
                void confirm({
                  title: trans.__('Delete this message?'),
                  body: trans.__(
                    'Everyone in the session will see that a message was deleted.'
                  ),
                  accept: trans.__('Delete'),
                  warn: true,
                  trans
                }).then(ok => {
                  if (ok) {
                    model.remove(message.id);
                  }
                });
              }}
            >
              {trans.__('Delete')}
            </button>
          </span>
        )}
      </div>
      {message.deleted ? (
        <p className="cc-ChatMessage-deleted" data-mark="deleted">
          {trans.__('This message was deleted.')}
        </p>
      ) : editing !== null ? (
        <form
          className="cc-ChatMessage-edit"
          onSubmit={event => {
            event.preventDefault();
            save();
          }}
        >
          <label htmlFor={editId} className="cc-VisuallyHidden">
            {trans.__('Edit your message')}
          </label>
          <textarea
            id={editId}
            className="cc-Chat-input"
            value={editing}
            rows={2}
            autoFocus
            onChange={event => setEditing(event.target.value)}
            onKeyDown={event => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(null);
              } else if (
                event.key === 'Enter' &&
                !event.shiftKey &&
                !event.nativeEvent.isComposing
              ) {
                event.preventDefault();
                save();
              }
            }}
          />
          <span className="cc-ButtonRow">
            <button type="submit" className="cc-Button cc-mod-small">
              {trans.__('Save')}
            </button>
            <button
              type="button"
              className="cc-Button cc-mod-small"
              onClick={() => setEditing(null)}
            >
              {trans.__('Cancel')}
            </button>
          </span>
        </form>
      ) : (
        <Markdown
          className="cc-ChatMessage-text"
          source={chatMarkdown(message.text)}
          rendermime={rendermime}
        />
      )}
    </li>
  );
}

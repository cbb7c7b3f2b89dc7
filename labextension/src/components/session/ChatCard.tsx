/**
 * The session panel's chat: the messages (Markdown rendered as untrusted,
 * with raw HTML shown as text), a composer (Enter sends, Shift+Enter adds a
 * line), editing and deleting my own messages, who is typing and my unread
 * count.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState
} from 'react';

import {
  ChatModel,
  IChatAuthor,
  MAX_CHAT_BYTES,
  utf8Bytes
} from '../../chatModel';
import { useStateOf } from '../../hooks';
import { ChatMessageItem } from './ChatMessage';

/**
 * Loading older messages starts this close to the top of the list (px).
 */
const TOP_SLACK_PX = 24;
/**
 * The list follows new messages when it is this close to its bottom (px).
 */
const BOTTOM_SLACK_PX = 48;

export interface IChatCardProps {
  model: ChatModel;
  /**
   * Whether the session is running (ended sessions are read only).
   */
  live: boolean;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

function typingLine(
  typing: ReadonlyArray<IChatAuthor>,
  trans: TranslationBundle
): string {
  switch (typing.length) {
    case 0:
      return '';
    case 1:
      return trans.__('%1 is typing…', typing[0].display_name);
    case 2:
      return trans.__(
        '%1 and %2 are typing…',
        typing[0].display_name,
        typing[1].display_name
      );
    default:
      return trans.__('Several people are typing…');
  }
}

export function ChatCard(props: IChatCardProps): JSX.Element {
  const { model, live, rendermime, trans } = props;
  const state = useStateOf(model);
  const headingId = useId();
  const inputId = useId();
  const counterId = useId();
  const [draft, setDraft] = useState('');
  const card = useRef<HTMLElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const bottom = useRef<HTMLLIElement>(null);
  const atBottom = useRef(true);
  const seen = useRef(false);
  // Keeps the view still when older messages are put above it.
  const anchor = useRef<{ id: number; height: number } | null>(null);
  const {
    messages,
    unread,
    typing,
    connected,
    myUserId,
    hasMore,
    loadingOlder,
    error,
    returned
  } = state;
  const bytes = utf8Bytes(draft);
  const tooLong = bytes > MAX_CHAT_BYTES;

  // An ended session has no channel: its chat comes over REST.
  useEffect(() => {
    if (!live) {
      void model.loadLatest();
    }
  }, [live, model]);

  // A refused message comes back into an empty composer.
  useEffect(() => {
    if (returned !== null) {
      setDraft(current => (current ? current : returned));
      model.takeReturned();
    }
  }, [returned, model]);

  // My read mark follows what I can see: the newest message on screen,
  // in a visible tab.
  useEffect(() => {
    const sentinel = bottom.current;
    if (sentinel === null) {
      return;
    }
    const check = (): void => {
      if (seen.current && document.visibilityState === 'visible') {
        model.markRead();
      }
    };
    const observer = new IntersectionObserver(entries => {
      seen.current = entries.some(entry => entry.isIntersecting);
      check();
    });
    observer.observe(sentinel);
    document.addEventListener('visibilitychange', check);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', check);
    };
  }, [model]);

  useEffect(() => {
    if (seen.current && document.visibilityState === 'visible') {
      model.markRead();
    }
  }, [messages, unread, model]);

  // Brought into view from a notification: the newest messages and the
  // composer.
  useEffect(() => {
    const onReveal = (): void => {
      atBottom.current = true;
      const node = list.current;
      if (node !== null) {
        node.scrollTop = node.scrollHeight;
      }
      card.current?.scrollIntoView({ block: 'nearest' });
      composer.current?.focus();
    };
    model.revealRequested.connect(onReveal);
    return () => {
      model.revealRequested.disconnect(onReveal);
    };
  }, [model]);

  // At the bottom, stay there while messages render (Markdown renders
  // late) and when the panel is shown again (hidden, it has no height).
  useEffect(() => {
    const node = list.current;
    if (node === null) {
      return;
    }
    const follow = (): void => {
      if (atBottom.current) {
        node.scrollTop = node.scrollHeight;
      }
    };
    const resized = new ResizeObserver(follow);
    resized.observe(node);
    const mutated = new MutationObserver(follow);
    mutated.observe(node, { childList: true, subtree: true });
    return () => {
      resized.disconnect();
      mutated.disconnect();
    };
  }, []);

  // Follow new messages when at the bottom; hold still when older ones
  // arrive above.
  useLayoutEffect(() => {
    const node = list.current;
    if (node === null) {
      return;
    }
    const held = anchor.current;
    if (held !== null && messages.length > 0 && messages[0].id < held.id) {
      node.scrollTop += node.scrollHeight - held.height;
      anchor.current = null;
      return;
    }
    if (atBottom.current) {
      node.scrollTop = node.scrollHeight;
    }
  }, [messages]);

  const onScroll = (): void => {
    const node = list.current;
    if (node === null) {
      return;
    }
    atBottom.current =
      node.scrollHeight - node.scrollTop - node.clientHeight < BOTTOM_SLACK_PX;
    if (node.scrollTop < TOP_SLACK_PX && hasMore && !loadingOlder) {
      loadOlder();
    }
  };

  const loadOlder = (): void => {
    const node = list.current;
    if (node !== null && messages.length > 0) {
      anchor.current = { id: messages[0].id, height: node.scrollHeight };
    }
    void model.loadOlder();
  };

  const send = (): void => {
    if (tooLong || !draft.trim()) {
      return;
    }
    if (model.send(draft)) {
      setDraft('');
      atBottom.current = true;
    }
  };

  const typingText = typingLine(typing, trans);

  return (
    <section ref={card} className="cc-Card cc-Chat" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Card-title cc-Chat-title">
        {trans.__('Chat')}
        {unread > 0 && (
          <span
            className="cc-Badge cc-Chat-unread"
            data-testid="codecall-chat-unread"
            aria-label={trans._n(
              '%1 unread message',
              '%1 unread messages',
              unread
            )}
          >
            {unread}
          </span>
        )}
      </h3>
      {live && !connected && (
        <p className="cc-Hint cc-mod-warning" role="status">
          {trans.__('Connecting to the session…')}
        </p>
      )}
      {hasMore && (
        <button
          type="button"
          className="cc-Button cc-mod-small cc-Chat-older"
          disabled={loadingOlder}
          onClick={loadOlder}
        >
          {loadingOlder
            ? trans.__('Loading…')
            : trans.__('Load earlier messages')}
        </button>
      )}
      <ol
        ref={list}
        className="cc-Chat-list"
        role="log"
        aria-label={trans.__('Chat messages')}
        aria-live="polite"
        tabIndex={0}
        onScroll={onScroll}
      >
        {messages.length === 0 && (
          <li className="cc-Hint cc-Chat-empty">
            {live
              ? trans.__('No messages yet. Say hello!')
              : trans.__('Nobody wrote in the chat.')}
          </li>
        )}
        {messages.map(message => (
          <ChatMessageItem
            key={message.id}
            message={message}
            mine={message.author !== null && message.author.id === myUserId}
            live={live}
            model={model}
            rendermime={rendermime}
            trans={trans}
          />
        ))}
        <li ref={bottom} className="cc-Chat-end" aria-hidden="true" />
      </ol>
      <p className="cc-Chat-typing" aria-live="polite">
        {typingText}
      </p>
      {error !== null && (
        <div className="cc-Error" role="alert">
          <span>{error}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => model.clearError()}
          >
            {trans.__('Dismiss')}
          </button>
        </div>
      )}
      {live && (
        <form
          className="cc-Chat-composer"
          onSubmit={event => {
            event.preventDefault();
            send();
          }}
        >
          <label htmlFor={inputId} className="cc-VisuallyHidden">
            {trans.__('Message')}
          </label>
          <textarea
            ref={composer}
            id={inputId}
            className="cc-Chat-input"
            data-testid="codecall-chat-input"
            rows={2}
            value={draft}
            placeholder={trans.__(
              'Message (Markdown; Enter sends, Shift+Enter adds a line)'
            )}
            aria-describedby={counterId}
            aria-invalid={tooLong}
            onChange={event => {
              setDraft(event.target.value);
              if (event.target.value) {
                model.typing();
              } else {
                model.stopTyping();
              }
            }}
            onBlur={() => model.stopTyping()}
            onKeyDown={event => {
              if (
                event.key === 'Enter' &&
                !event.shiftKey &&
                !event.nativeEvent.isComposing
              ) {
                event.preventDefault();
                send();
              }
            }}
          />
          <div className="cc-Chat-composerRow">
            <span
              id={counterId}
              className={`cc-Chat-counter${tooLong ? ' cc-mod-over' : ''}`}
            >
              {tooLong
                ? trans.__('Too long: %1 of %2 bytes', bytes, MAX_CHAT_BYTES)
                : trans.__('%1 of %2 bytes', bytes, MAX_CHAT_BYTES)}
            </span>
            <button
              type="submit"
              className="cc-Button cc-mod-small cc-mod-accept"
              disabled={tooLong || !draft.trim()}
            >
              {trans.__('Send')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

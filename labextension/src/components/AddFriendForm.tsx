/**
 * "Add a friend": send a friend request to a username or an email address.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { errorMessage } from '../api';
import { FriendsModel } from '../friendsModel';
import { FriendRequestResult } from '../types';

export interface IAddFriendFormProps {
  friends: FriendsModel;
  trans: TranslationBundle;
}

/**
 * What to tell the user about the server's answer.
 */
export function describeRequestResult(
  result: FriendRequestResult,
  trans: TranslationBundle
): string {
  switch (result.status) {
    case 'pending':
      return trans.__(
        'Request sent to %1.',
        result.request.to_user.display_name
      );
    case 'friends':
      return trans.__(
        'You are now friends with %1.',
        result.friend.user.display_name
      );
    case 'sent_if_registered':
      return trans.__('If that email is registered, they got your request.');
  }
}

export function AddFriendForm(props: IAddFriendFormProps): JSX.Element {
  const { friends, trans } = props;
  const [to, setTo] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{
    ok: boolean;
    text: string;
  } | null>(null);
  const inputId = useId();
  const hintId = useId();

  const send = async (): Promise<void> => {
    const target = to.trim();
    if (!target) {
      setOutcome({ ok: false, text: trans.__('Enter a username or email.') });
      return;
    }
    setSending(true);
    setOutcome(null);
    try {
      const result = await friends.sendRequest(target);
      setOutcome({ ok: true, text: describeRequestResult(result, trans) });
      setTo('');
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="cc-AddFriend"
      onSubmit={event => {
        event.preventDefault();
        void send();
      }}
    >
      <label className="cc-Label" htmlFor={inputId}>
        {trans.__('Add a friend')}
      </label>
      <div className="cc-InlineForm">
        <input
          id={inputId}
          className="cc-Input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
          placeholder={trans.__('Username or email')}
          aria-describedby={hintId}
          value={to}
          onChange={event => setTo(event.target.value)}
        />
        <button
          type="submit"
          className="cc-Button cc-mod-accept"
          aria-label={trans.__('Send friend request')}
          disabled={sending}
        >
          {sending ? trans.__('Sending…') : trans.__('Send')}
        </button>
      </div>
      <div id={hintId} aria-live="polite">
        {outcome &&
          (outcome.ok ? (
            <p className="cc-Notice cc-mod-success" role="status">
              {outcome.text}
            </p>
          ) : (
            <p className="cc-Error" role="alert">
              {outcome.text}
            </p>
          ))}
      </div>
    </form>
  );
}

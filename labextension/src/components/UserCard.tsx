/**
 * The signed-in user card with the account actions.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IUser } from '../types';

export interface IUserCardProps {
  user: IUser;
  trans: TranslationBundle;
  onEditProfile: () => void;
  onChangePassword: () => void;
  onLogout: () => void;
}

export function UserCard(props: IUserCardProps): JSX.Element {
  const { user, trans } = props;
  return (
    <section className="cc-UserCard" aria-label={trans.__('Your account')}>
      <div className="cc-UserCard-identity">
        <span
          className="cc-Avatar"
          style={{ backgroundColor: user.color }}
          aria-hidden="true"
        >
          {user.initials}
        </span>
        <div className="cc-UserCard-names">
          <span className="cc-UserCard-displayName">
            {user.display_name}
            {user.is_owner && (
              <span className="cc-Badge" title={trans.__('Server owner')}>
                {trans.__('owner')}
              </span>
            )}
          </span>
          <span className="cc-UserCard-username">@{user.username}</span>
        </div>
      </div>
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button"
          onClick={props.onEditProfile}
        >
          {trans.__('Edit profile')}
        </button>
        {!user.is_owner && (
          <button
            type="button"
            className="cc-Button"
            onClick={props.onChangePassword}
          >
            {trans.__('Change password')}
          </button>
        )}
        <button
          type="button"
          className="cc-Button cc-mod-warn"
          aria-label={trans.__('Log out of CodeCall')}
          onClick={props.onLogout}
        >
          {trans.__('Log out')}
        </button>
      </div>
    </section>
  );
}

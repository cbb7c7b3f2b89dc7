/**
 * Dialog flows shared by the sidebar and the commands.
 *
 * Every flow resolves (never rejects): errors are shown to the user.
 */
import {
  Dialog,
  Notification,
  showDialog,
  showErrorMessage
} from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { CodeCallApiError, errorMessage } from './api';
import { InviteLink } from './components/InviteLink';
import {
  EMPTY_PASSWORD_VALUE,
  IPasswordValue,
  PasswordDialogBody,
  validatePassword
} from './components/PasswordForm';
import { IProfileValue, ProfileDialogBody } from './components/ProfileForm';
import { CodeCallModel } from './model';
import { IInvite, IInviteSummary, IUserUpdate } from './types';
import { absoluteUrl, formatDate } from './utils';

/**
 * Whether an API error is a validation error worth showing in the form.
 */
function isFormError(error: unknown): error is CodeCallApiError {
  return (
    error instanceof CodeCallApiError &&
    (error.status === 400 || error.status === 422)
  );
}

/**
 * Ask for a new display name and email and save them.
 */
export async function editProfile(
  model: CodeCallModel,
  trans: TranslationBundle
): Promise<void> {
  const user = model.state.user;
  if (user === null) {
    return;
  }
  let value: IProfileValue = {
    displayName: user.display_name,
    email: user.email ?? ''
  };
  let error: string | null = null;
  try {
    for (;;) {
      const result = await showDialog<IProfileValue>({
        title: trans.__('Edit profile'),
        body: new ProfileDialogBody(value, error, trans),
        buttons: [
          Dialog.cancelButton({ label: trans.__('Cancel') }),
          Dialog.okButton({ label: trans.__('Save') })
        ],
        focusNodeSelector: 'input'
      });
      if (!result.button.accept || result.value === null) {
        return;
      }
      value = result.value;
      const displayName = value.displayName.trim();
      const email = value.email.trim();
      if (!displayName) {
        error = trans.__('The display name cannot be empty.');
        continue;
      }
      const update: IUserUpdate = {};
      if (displayName !== user.display_name) {
        update.display_name = displayName;
      }
      if (email !== (user.email ?? '')) {
        update.email = email;
      }
      if (Object.keys(update).length === 0) {
        return;
      }
      try {
        await model.updateProfile(update);
        Notification.success(trans.__('Profile saved'), { autoClose: 3000 });
        return;
      } catch (reason) {
        if (isFormError(reason)) {
          error = reason.message;
          continue;
        }
        throw reason;
      }
    }
  } catch (reason) {
    await showErrorMessage(
      trans.__('Could not save the profile'),
      errorMessage(reason)
    );
  }
}

/**
 * Ask for the current and a new password and change it.
 */
export async function changePassword(
  model: CodeCallModel,
  trans: TranslationBundle
): Promise<void> {
  let value: IPasswordValue = EMPTY_PASSWORD_VALUE;
  let error: string | null = null;
  try {
    for (;;) {
      const result = await showDialog<IPasswordValue>({
        title: trans.__('Change password'),
        body: new PasswordDialogBody(value, error, trans),
        buttons: [
          Dialog.cancelButton({ label: trans.__('Cancel') }),
          Dialog.okButton({ label: trans.__('Change password') })
        ],
        focusNodeSelector: 'input'
      });
      if (!result.button.accept || result.value === null) {
        return;
      }
      value = result.value;
      error = validatePassword(value, trans);
      if (error !== null) {
        continue;
      }
      try {
        await model.changePassword(value.current, value.next);
        Notification.success(trans.__('Password changed'), {
          autoClose: 3000
        });
        return;
      } catch (reason) {
        if (isFormError(reason)) {
          error = reason.message;
          value = { ...value, current: '' };
          continue;
        }
        throw reason;
      }
    }
  } catch (reason) {
    await showErrorMessage(
      trans.__('Could not change the password'),
      errorMessage(reason)
    );
  }
}

/**
 * Describe the limits of an invite.
 */
export function describeInvite(
  invite: IInviteSummary,
  trans: TranslationBundle
): string {
  return trans._n(
    'It can be used once, until %2.',
    'It can be used %1 times, until %2.',
    invite.max_uses,
    formatDate(invite.expires_at)
  );
}

/**
 * Show an invite link in a dialog.
 */
export async function showInviteDialog(
  invite: IInvite,
  trans: TranslationBundle
): Promise<void> {
  await showDialog({
    title: trans.__('Invite link'),
    body: (
      <div className="cc-DialogBody">
        <p className="cc-Hint">
          {trans.__('Anyone with this link can create a CodeCall account.')}{' '}
          {describeInvite(invite, trans)}
        </p>
        <InviteLink url={absoluteUrl(invite.url)} trans={trans} />
      </div>
    ),
    buttons: [Dialog.okButton({ label: trans.__('Close') })]
  });
}

/**
 * Create an invite and show its link in a dialog.
 */
export async function createInviteWithDialog(
  model: CodeCallModel,
  trans: TranslationBundle
): Promise<void> {
  let invite: IInvite;
  try {
    invite = await model.createInvite();
  } catch (reason) {
    await showErrorMessage(
      trans.__('Could not create an invite link'),
      errorMessage(reason)
    );
    return;
  }
  await showInviteDialog(invite, trans);
}

/**
 * Ask for confirmation, then revoke an invite.
 */
export async function revokeInvite(
  model: CodeCallModel,
  invite: IInviteSummary,
  trans: TranslationBundle
): Promise<void> {
  const result = await showDialog({
    title: trans.__('Revoke invite'),
    body: trans.__(
      'The invite created on %1 will stop working. Accounts already created with it are kept.',
      formatDate(invite.created_at)
    ),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.warnButton({ label: trans.__('Revoke') })
    ]
  });
  if (!result.button.accept) {
    return;
  }
  try {
    await model.revokeInvite(invite.id);
  } catch (reason) {
    await showErrorMessage(
      trans.__('Could not revoke the invite'),
      errorMessage(reason)
    );
  }
}

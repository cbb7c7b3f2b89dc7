/**
 * The actions of a session panel that need a confirmation, a password or
 * an error dialog.
 *
 * Every flow resolves (never rejects): errors are shown to the user.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { attempt, confirm } from './confirm';
import { roleNoun } from './labels';
import { withSessionPassword } from './sessionActions';
import { SessionModel } from './sessionModel';
import { IPublicUser, Role } from './types';
import { absoluteUrl, copyText } from './utils';

/**
 * The actions offered by a session panel.
 */
export class SessionPanelActions {
  constructor(
    model: SessionModel,
    trans: TranslationBundle,
    close: () => void
  ) {
    this._model = model;
    this._trans = trans;
    this._close = close;
  }

  admit(user: IPublicUser): Promise<void> {
    return this._attempt(
      () => this._model.admit(user.id),
      this._trans.__('Could not admit %1', user.display_name)
    );
  }

  reject(user: IPublicUser): Promise<void> {
    return this._attempt(
      () => this._model.reject(user.id),
      this._trans.__('Could not turn %1 away', user.display_name)
    );
  }

  setRole(user: IPublicUser, role: Role): Promise<void> {
    return this._attempt(
      () => this._model.setRole(user.id, role),
      this._trans.__(
        'Could not make %1 %2',
        user.display_name,
        roleNoun(role, this._trans)
      )
    );
  }

  async remove(user: IPublicUser): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Remove %1', user.display_name),
      body: trans.__(
        '%1 leaves the session at once and cannot join it again.',
        user.display_name
      ),
      accept: trans.__('Remove'),
      warn: true,
      trans
    });
    if (sure) {
      await this._attempt(
        () => this._model.remove(user.id),
        trans.__('Could not remove %1', user.display_name)
      );
    }
  }

  async handHost(user: IPublicUser): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Make %1 the host', user.display_name),
      body: trans.__(
        '%1 will run the session: admit people, set roles and end it. You stay in the session as a participant.',
        user.display_name
      ),
      accept: trans.__('Make host'),
      trans
    });
    if (sure) {
      await this._attempt(
        () => this._model.handHost(user.id),
        trans.__('Could not hand the host role over')
      );
    }
  }

  swapRoles(): Promise<void> {
    return this._attempt(
      () => this._model.swapRoles(),
      this._trans.__('Could not swap the roles')
    );
  }

  setAutoAdmit(autoAdmit: boolean): Promise<void> {
    return this._attempt(
      () => this._model.setAutoAdmit(autoAdmit),
      this._trans.__('Could not change the session')
    );
  }

  copyInviteLink(path: string): void {
    copyText(absoluteUrl(path), this._trans);
  }

  async end(): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('End the session'),
      body: trans.__(
        'The session ends for everyone and cannot be started again. Its files are kept until you delete it.'
      ),
      accept: trans.__('End session'),
      warn: true,
      trans
    });
    if (sure) {
      await this._attempt(
        () => this._model.end(),
        trans.__('Could not end the session')
      );
    }
  }

  async delete(): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Delete the session'),
      body: trans.__(
        'The session, its activity log and its folder of files are deleted for everyone. This cannot be undone.'
      ),
      accept: trans.__('Delete'),
      warn: true,
      trans
    });
    if (!sure) {
      return;
    }
    const deleted = await attempt(
      () => this._model.delete(),
      trans.__('Could not delete the session')
    );
    if (deleted) {
      Notification.success(trans.__('Session deleted'), { autoClose: 3000 });
      this._close();
    }
  }

  async join(): Promise<void> {
    const trans = this._trans;
    await this._attempt(
      () => withSessionPassword(password => this._model.join(password), trans),
      trans.__('Could not join the session')
    );
  }

  async leave(): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Leave the session'),
      body: trans.__('You can join again while the session runs.'),
      accept: trans.__('Leave'),
      warn: true,
      trans
    });
    if (sure) {
      await this._attempt(
        () => this._model.leave(),
        trans.__('Could not leave the session')
      );
    }
  }

  decline(): Promise<void> {
    return this._attempt(
      () => this._model.decline(),
      this._trans.__('Could not decline the invitation')
    );
  }

  private async _attempt(
    action: () => Promise<unknown>,
    failureTitle: string
  ): Promise<void> {
    await attempt(action, failureTitle);
  }

  private _model: SessionModel;
  private _trans: TranslationBundle;
  private _close: () => void;
}

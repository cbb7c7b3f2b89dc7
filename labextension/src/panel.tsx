/**
 * The CodeCall left sidebar panel.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';
import React from 'react';

import { FriendsSection } from './components/FriendsSection';
import { InvitesSection } from './components/InvitesSection';
import {
  IPracticeActions,
  PracticeSection
} from './components/PracticeSection';
import {
  ISessionsSectionActions,
  SessionsSection
} from './components/SessionsSection';
import { UserCard } from './components/UserCard';
import { RunnerWarning } from './components/run/RunnerWarning';
import { changePassword, editProfile } from './dialogs';
import { FriendsModel } from './friendsModel';
import { useStateOf } from './hooks';
import { codecallIcon } from './icons';
import { CodeCallModel } from './model';
import { Poller } from './poller';
import { RunnerStatusModel } from './runnerStatus';
import { SessionsModel } from './sessionsModel';
import { SIDEBAR_ID } from './tokens';
import { logout } from './utils';

/**
 * How often the sidebar reloads its lists while it is visible (ms).
 */
export const SIDEBAR_REFRESH_INTERVAL = 10_000;

/**
 * What the sidebar shows and does.
 */
export interface ISidebarOptions {
  model: CodeCallModel;
  friends: FriendsModel;
  sessions: SessionsModel;
  /**
   * The code runner's status, for its warning banner.
   */
  runner: RunnerStatusModel;
  actions: ISessionsSectionActions;
  /**
   * The problem bank's buttons.
   */
  practice: IPracticeActions;
  trans: TranslationBundle;
}

function SidebarView(props: ISidebarOptions): JSX.Element {
  const { model, friends, sessions, runner, actions, practice, trans } = props;
  const state = useStateOf(model);
  const warning = useStateOf(runner).data?.warning ?? null;

  let content: JSX.Element;
  if (state.status === 'error') {
    content = (
      <div className="cc-Error" role="alert">
        <span>
          {trans.__('Could not load your CodeCall account: %1', state.error)}
        </span>
        <button
          type="button"
          className="cc-Button cc-mod-small"
          onClick={() => {
            void model.refresh();
          }}
        >
          {trans.__('Retry')}
        </button>
      </div>
    );
  } else if (state.user === null) {
    content = (
      <p className="cc-Hint" role="status">
        {trans.__('Loading…')}
      </p>
    );
  } else {
    content = (
      <>
        <UserCard
          user={state.user}
          trans={trans}
          onEditProfile={() => {
            void editProfile(model, trans);
          }}
          onChangePassword={() => {
            void changePassword(model, trans);
          }}
          onLogout={logout}
        />
        <SessionsSection sessions={sessions} actions={actions} trans={trans} />
        <PracticeSection actions={practice} trans={trans} />
        <FriendsSection friends={friends} trans={trans} />
        <InvitesSection model={model} state={state} trans={trans} />
      </>
    );
  }

  return (
    <div className="cc-Sidebar-content">
      <h2 className="cc-Sidebar-title">{trans.__('CodeCall')}</h2>
      {warning && <RunnerWarning warning={warning} trans={trans} />}
      {content}
      {state.config && (
        <p className="cc-Sidebar-footer">
          {trans.__('CodeCall %1', state.config.version)}
        </p>
      )}
    </div>
  );
}

/**
 * The sidebar widget. Its friends and sessions reload every 10 seconds
 * while it is visible.
 */
export class CodeCallSidebar extends ReactWidget {
  constructor(options: ISidebarOptions) {
    super();
    this._options = options;
    const { friends, sessions, runner, trans } = options;
    this._poller = new Poller(async () => {
      const [a, b] = await Promise.all([
        friends.refresh(),
        sessions.refresh(),
        runner.refreshIfStale()
      ]);
      return a && b;
    }, SIDEBAR_REFRESH_INTERVAL);
    this.id = SIDEBAR_ID;
    this.addClass('cc-Sidebar');
    this.title.icon = codecallIcon;
    this.title.caption = trans.__('CodeCall');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', trans.__('CodeCall'));
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._poller.dispose();
    super.dispose();
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    if (this.isVisible) {
      this._poller.start();
    }
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._poller.start();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._poller.stop();
  }

  protected onBeforeDetach(msg: Message): void {
    this._poller.stop();
    super.onBeforeDetach(msg);
  }

  protected render(): JSX.Element {
    return <SidebarView {...this._options} />;
  }

  private _options: ISidebarOptions;
  private _poller: Poller;
}

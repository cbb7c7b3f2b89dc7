/**
 * The CodeCall left sidebar panel.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { InvitesSection } from './components/InvitesSection';
import { UserCard } from './components/UserCard';
import { changePassword, editProfile } from './dialogs';
import { codecallIcon } from './icons';
import { CodeCallModel, ICodeCallState } from './model';
import { SIDEBAR_ID } from './tokens';
import { logout } from './utils';

/**
 * Follow the state of the model from a React component.
 */
function useModelState(model: CodeCallModel): ICodeCallState {
  const [state, setState] = useState<ICodeCallState>(model.state);
  useEffect(() => {
    const onChange = (_: CodeCallModel, next: ICodeCallState): void => {
      setState(next);
    };
    model.stateChanged.connect(onChange);
    setState(model.state);
    return () => {
      model.stateChanged.disconnect(onChange);
    };
  }, [model]);
  return state;
}

interface ISidebarViewProps {
  model: CodeCallModel;
  trans: TranslationBundle;
}

function SidebarView(props: ISidebarViewProps): JSX.Element {
  const { model, trans } = props;
  const state = useModelState(model);

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
        <InvitesSection model={model} state={state} trans={trans} />
      </>
    );
  }

  return (
    <div className="cc-Sidebar-content">
      <h2 className="cc-Sidebar-title">{trans.__('CodeCall')}</h2>
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
 * The sidebar widget.
 */
export class CodeCallSidebar extends ReactWidget {
  constructor(model: CodeCallModel, trans: TranslationBundle) {
    super();
    this._model = model;
    this._trans = trans;
    this.id = SIDEBAR_ID;
    this.addClass('cc-Sidebar');
    this.title.icon = codecallIcon;
    this.title.caption = trans.__('CodeCall');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', trans.__('CodeCall'));
  }

  protected render(): JSX.Element {
    return <SidebarView model={this._model} trans={this._trans} />;
  }

  private _model: CodeCallModel;
  private _trans: TranslationBundle;
}

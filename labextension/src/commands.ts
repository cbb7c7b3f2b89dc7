/**
 * The CodeCall commands.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { createInviteWithDialog } from './dialogs';
import { codecallIcon } from './icons';
import { CodeCallModel } from './model';
import { CommandIDs, SIDEBAR_ID } from './tokens';
import { logout } from './utils';

export interface ICommandsOptions {
  app: JupyterFrontEnd;
  model: CodeCallModel;
  trans: TranslationBundle;
  palette: ICommandPalette | null;
}

/**
 * Register the commands and add them to the palette.
 */
export function addCommands(options: ICommandsOptions): void {
  const { app, model, trans, palette } = options;
  const { commands } = app;

  commands.addCommand(CommandIDs.openPanel, {
    label: trans.__('Open CodeCall dashboard'),
    caption: trans.__(
      'Show the CodeCall sidebar: you, friends, sessions, invitations'
    ),
    icon: codecallIcon,
    execute: () => {
      app.shell.activateById(SIDEBAR_ID);
    }
  });

  commands.addCommand(CommandIDs.createInvite, {
    label: trans.__('Create invite link'),
    caption: trans.__('Create a link that lets someone register'),
    isEnabled: () => model.state.config === null || model.canInvite,
    execute: () => createInviteWithDialog(model, trans)
  });

  commands.addCommand(CommandIDs.logout, {
    label: trans.__('Log out of CodeCall'),
    execute: () => {
      logout();
    }
  });

  model.stateChanged.connect(() => {
    commands.notifyCommandChanged(CommandIDs.createInvite);
  });

  if (palette) {
    const category = trans.__('CodeCall');
    for (const command of [
      CommandIDs.openPanel,
      CommandIDs.createInvite,
      CommandIDs.logout
    ]) {
      palette.addItem({ command, category });
    }
  }
}

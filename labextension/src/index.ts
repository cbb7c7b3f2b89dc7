/**
 * CodeCall for Jupyter: the JupyterLab plugins.
 */
import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator } from '@jupyterlab/translation';

import { CodeCallClient } from './api';
import { addCommands } from './commands';
import { CodeCallModel } from './model';
import { CodeCallSidebar } from './panel';
import { CodeCallSettings } from './settings';
import { PLUGIN_ID, SIDEBAR_ID, TRANSLATION_DOMAIN } from './tokens';

/**
 * The main plugin: sidebar, commands and settings.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'CodeCall for Jupyter: account, invitations and sessions.',
  autoStart: true,
  requires: [ITranslator],
  optional: [ICommandPalette, ISettingRegistry, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    restorer: ILayoutRestorer | null
  ): void => {
    const trans = translator.load(TRANSLATION_DOMAIN);

    const settings = new CodeCallSettings();
    if (settingRegistry) {
      void settings.load(settingRegistry, PLUGIN_ID);
    }

    const client = new CodeCallClient({
      serverSettings: app.serviceManager.serverSettings,
      fallbackMessage: status =>
        trans.__('The CodeCall server answered with status %1.', status),
      networkMessage: trans.__('The CodeCall server could not be reached.')
    });
    const model = new CodeCallModel(client);

    const sidebar = new CodeCallSidebar(model, trans);
    app.shell.add(sidebar, 'left', { rank: 200 });
    if (restorer) {
      restorer.add(sidebar, SIDEBAR_ID);
    }

    addCommands({ app, model, trans, palette });

    void model.refresh();
  }
};

export default plugin;

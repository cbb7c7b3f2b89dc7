/**
 * The typed user settings of the extension.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ISignal, Signal } from '@lumino/signaling';

import { ICodeCallSettings, LANGUAGES, Language } from './types';

/**
 * The values used before (or without) the setting registry.
 */
export const DEFAULT_SETTINGS: Readonly<ICodeCallSettings> = {
  defaultLanguage: 'python',
  defaultRunLanguage: '',
  cameraOnJoin: true,
  microphoneOnJoin: true,
  notifications: true
};

function isLanguage(value: unknown): value is Language {
  return (
    typeof value === 'string' &&
    (LANGUAGES as readonly string[]).includes(value)
  );
}

function asBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Read validated settings out of composite setting values.
 */
export function parseSettings(
  composite: Readonly<Record<string, unknown>>
): ICodeCallSettings {
  return {
    defaultLanguage: isLanguage(composite.defaultLanguage)
      ? composite.defaultLanguage
      : DEFAULT_SETTINGS.defaultLanguage,
    defaultRunLanguage: isLanguage(composite.defaultRunLanguage)
      ? composite.defaultRunLanguage
      : DEFAULT_SETTINGS.defaultRunLanguage,
    cameraOnJoin: asBoolean(
      composite.cameraOnJoin,
      DEFAULT_SETTINGS.cameraOnJoin
    ),
    microphoneOnJoin: asBoolean(
      composite.microphoneOnJoin,
      DEFAULT_SETTINGS.microphoneOnJoin
    ),
    notifications: asBoolean(
      composite.notifications,
      DEFAULT_SETTINGS.notifications
    )
  };
}

/**
 * Holds the current settings and signals their changes.
 */
export class CodeCallSettings {
  /**
   * The current values.
   */
  get values(): Readonly<ICodeCallSettings> {
    return this._values;
  }

  /**
   * Emitted when the values change.
   */
  get changed(): ISignal<this, Readonly<ICodeCallSettings>> {
    return this._changed;
  }

  /**
   * Load the settings of `pluginId` and follow their changes.
   *
   * Never rejects: on failure the defaults stay in place.
   */
  async load(registry: ISettingRegistry, pluginId: string): Promise<void> {
    try {
      const settings = await registry.load(pluginId);
      this._update(settings);
      settings.changed.connect(this._update, this);
    } catch (error) {
      console.warn(
        `CodeCall: could not load the settings of ${pluginId}`,
        error
      );
    }
  }

  private _update(settings: ISettingRegistry.ISettings): void {
    this._values = parseSettings(settings.composite);
    this._changed.emit(this._values);
  }

  private _values: Readonly<ICodeCallSettings> = { ...DEFAULT_SETTINGS };
  private _changed = new Signal<this, Readonly<ICodeCallSettings>>(this);
}

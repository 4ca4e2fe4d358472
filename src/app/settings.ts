/** Settings merged once, at the entry point, and passed down to every use case. */
import { type Settings, SettingsError, resolveSettings } from '../core';
import type { SettingsStore } from './host';

/** Saved settings, or the defaults with `invalid` set when what was saved does not parse. */
export interface LoadedSettings {
  settings: Settings;
  /** True when the store held settings that are not valid (the defaults are used instead). */
  invalid: boolean;
}

/** Loads settings from a store and merges them over the defaults, once. Never throws. */
export async function loadSettings(store: SettingsStore): Promise<LoadedSettings> {
  let saved: unknown;
  try {
    saved = (await store.load()) ?? {};
  } catch {
    return { settings: resolveSettings({}), invalid: false };
  }
  try {
    return { settings: resolveSettings(saved), invalid: false };
  } catch (e) {
    if (e instanceof SettingsError) return { settings: resolveSettings({}), invalid: true };
    throw e;
  }
}

/**
 * Saves settings merged over those in force: a form that shows some settings never drops the
 * others (the Owners sheet name, the column map). Throws SettingsError naming each bad field.
 */
export async function saveSettings(store: SettingsStore, current: Settings, changes: object): Promise<Settings> {
  const settings = resolveSettings({ ...current, ...changes });
  await store.save(settings);
  return settings;
}

/**
 * The browser's localStorage behind the core's small key-value interface. Every OBS "Local file"
 * source shares one origin, so keys are namespaced by the core and nothing here ever clears storage.
 * Storage that is missing or throws (disabled, quota) is reported as null: the core keeps going in memory.
 */
export interface BrowserStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function browserStore(): BrowserStore | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
    if (!storage) return null;
  } catch {
    return null;
  }
  return {
    get: (key) => storage.getItem(key),
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
  };
}

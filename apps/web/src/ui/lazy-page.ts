import { ComponentType, lazy } from 'react';

/** React.lazy that tries a failed chunk download again before giving up (dropped packets on 3G). */
export function lazyPage<T extends ComponentType>(load: () => Promise<{ default: T }>, attempts = 3, delayMs = 1000) {
  return lazy(async () => {
    for (let i = 1; ; i++) {
      try {
        return await load();
      } catch (e) {
        if (i >= attempts) throw e;
        await new Promise((r) => setTimeout(r, delayMs * i));
      }
    }
  });
}

import { ReactNode } from 'react';

/**
 * The form-level message; role=alert makes screen readers announce it as soon as it appears. It stays
 * in the page while empty so that the announcement is not lost. `children`: an action beside the text
 * (e.g. "reload").
 */
export function FormAlert({ text, children }: { text: string | null; children?: ReactNode }) {
  return (
    <div role="alert" className={text ? 'alert' : undefined}>
      {text && <p>{text}</p>}
      {text && children}
    </div>
  );
}

import { forwardRef, InputHTMLAttributes, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.context';

/**
 * Our own file chooser: the native one says "Choose File / No file chosen" in the browser's language
 * whatever the page's language is (issue 9). The real input stays (labelled by the form's <label>, focusable,
 * visually hidden); next to it a button in the page's language opens it and the chosen file's name, or
 * "no file chosen", is shown. Styles: `.file-choice` in styles.css.
 */
export const FileChoice = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>>(function FileChoice({ onChange, disabled, ...input }, ref) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  const inputEl = useRef<HTMLInputElement | null>(null);
  return (
    <span className="file-choice">
      <input
        {...input}
        ref={(el) => {
          inputEl.current = el;
          if (typeof ref === 'function') ref(el);
          else if (ref) ref.current = el;
        }}
        type="file"
        className="file-choice__input"
        disabled={disabled}
        onChange={(e) => {
          setName(e.target.files?.[0]?.name ?? null);
          onChange?.(e);
        }}
      />
      {/* A pointer target only: keyboard and screen-reader users reach the input itself. */}
      <button type="button" className="button button--secondary" tabIndex={-1} aria-hidden="true" disabled={disabled} onClick={() => inputEl.current?.click()}>
        {t('ui.file.choose')}
      </button>
      <span className="muted" aria-hidden="true">
        {name ?? t('ui.file.none')}
      </span>
    </span>
  );
});

import { ChangeEvent, Ref, useId } from 'react';
import { useI18n } from '../i18n/i18n.context';

/**
 * Our own file control: a button-styled label with translated text and a line saying what was chosen,
 * in place of the browser's "Choose file / No file chosen" (always in the browser's language). The real
 * input stays in the page, visually hidden, so the label opens it, keyboards reach it and tests can set
 * files on it (its accessible name is `label`).
 */
export function FilePicker({
  id: givenId,
  inputRef,
  describedBy,
  label,
  accept,
  disabled,
  fileName,
  busyLabel,
  onFile,
}: {
  /** The input's id, when a field label elsewhere in the form names it too (`<label htmlFor>`). */
  id?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Ids of hints that describe the input, besides the "what was chosen" line. */
  describedBy?: string;
  label: string;
  accept?: string;
  disabled?: boolean;
  /** The name to show as chosen (null: nothing chosen yet). */
  fileName?: string | null;
  /** Shown on the button instead of `label` while busy. */
  busyLabel?: string | null;
  onFile: (file: File) => void;
}) {
  const { t } = useI18n();
  const ownId = useId();
  const id = givenId ?? ownId;
  const statusId = `${id}-status`;

  function change(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (a retry) fires again.
    e.target.value = '';
    if (file) onFile(file);
  }

  return (
    <span className="file-picker">
      <input ref={inputRef} id={id} className="file-picker__input" type="file" accept={accept} disabled={disabled} aria-describedby={describedBy ? `${describedBy} ${statusId}` : statusId} onChange={change} />
      <label htmlFor={id} className={disabled ? 'button button--secondary file-picker__button file-picker__button--disabled' : 'button button--secondary file-picker__button'}>
        {busyLabel ?? label}
      </label>
      <span id={statusId} className="file-picker__status list__meta">
        {fileName ? t('filePicker.chosen', { name: fileName }) : t('filePicker.none')}
      </span>
    </span>
  );
}

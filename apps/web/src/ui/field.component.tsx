import { InputHTMLAttributes, ReactElement, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes, useId } from 'react';

interface Described {
  label: string;
  hint?: ReactNode;
  /** Already translated error text. */
  error?: string | null;
  id?: string;
}

/**
 * The frame every form control shares: a label, an optional hint and error, and the control they
 * describe (aria-describedby, aria-invalid). Inputs, selects and text areas differ only in the control.
 */
function Framed({ label, hint, error, id, control }: Described & { control: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactElement }) {
  const auto = useId();
  const controlId = id ?? auto;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={controlId}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {control({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ label, hint, error, id, ...input }: InputHTMLAttributes<HTMLInputElement> & Described) {
  return <Framed label={label} hint={hint} error={error} id={id} control={(a11y) => <input {...a11y} {...input} />} />;
}

/** The same for a choice from a list (children: the options). */
export function SelectField({ label, hint, error, id, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & Described) {
  return (
    <Framed
      label={label}
      hint={hint}
      error={error}
      id={id}
      control={(a11y) => (
        <select {...a11y} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** The same for a longer text. */
export function TextAreaField({ label, hint, error, id, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  return <Framed label={label} hint={hint} error={error} id={id} control={(a11y) => <textarea {...a11y} {...area} />} />;
}

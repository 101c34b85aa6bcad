/** The form-level message; role=alert makes screen readers announce it as soon as it appears. */
export function FormAlert({ text }: { text: string | null }) {
  return (
    <div role="alert" className={text ? 'alert' : undefined}>
      {text && <p>{text}</p>}
    </div>
  );
}

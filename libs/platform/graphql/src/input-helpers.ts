/**
 * Helpers of every context's input classes: `ctx` gives a class-validator rule the message key (and
 * parameters) the error formatter answers with; `trim` is a class-transformer step for text fields.
 */
export const ctx = (messageKey: string, params: Record<string, unknown> = {}) => ({ context: { messageKey, params } });
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

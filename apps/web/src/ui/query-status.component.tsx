import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { useI18n } from '../i18n/i18n.context';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = error instanceof ApiError ? errorMessageKey(error.errors[0]) : 'errors.INTERNAL_SERVER_ERROR';
  // Asking again cannot change these answers: no "retry" button for them.
  const final = error instanceof ApiError && ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(error.code);
  return (
    <div className="alert" role="alert">
      <p>{t(key)}</p>
      {onRetry && !final && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}

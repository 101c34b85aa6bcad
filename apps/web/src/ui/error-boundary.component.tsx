import { Component, ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.context';

interface State {
  failed: boolean;
}

class Boundary extends Component<{ children: ReactNode; fallback: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * On a flaky 3G link a page's code chunk can fail to download; without this the whole app would go
 * blank. Shows the offline message with a reload, and starts afresh on the next navigation.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const fallback = (
    <div className="alert" role="alert">
      <p>{t('status.offline')}</p>
      <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
        {t('status.retry')}
      </button>
    </div>
  );
  return (
    <Boundary key={pathname} fallback={fallback}>
      {children}
    </Boundary>
  );
}

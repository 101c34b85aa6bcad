import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { AccountSummary, AuthPayload, LOG_IN, LOG_OUT, SIGN_UP } from '../api/auth.operations';
import { graphql } from '../api/graphql.client';
import { useI18n } from '../i18n/i18n.context';
import { readStoredLocale } from '../i18n/locale.store';
import { clearOfflineReads, forgetOfflineAccount, lastOfflineAccount, rememberOfflineAccount } from '../offline/offline-account';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface SignUpValues {
  displayName: string;
  email?: string;
  phone?: string;
  /** Country of a phone written the local way (the sign-up form's choice). */
  phoneCountry?: 'KG' | 'KZ';
  password: string;
}

export interface Session {
  status: SessionStatus;
  account: AccountSummary | null;
  signUp: (values: SignUpValues) => Promise<AccountSummary>;
  logIn: (login: string, password: string, phoneCountry?: 'KG' | 'KZ') => Promise<AccountSummary>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

let firstRefresh: Promise<AuthPayload | null> | null = null;

/**
 * The page load's one try of the refresh cookie. main.tsx starts it before React renders, so it travels
 * with the page's code and data instead of one round trip after them (0.5 s on slow 4G).
 */
export function firstSessionRefresh(): Promise<AuthPayload | null> {
  return (firstRefresh ??= graphql.refresh());
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [account, setAccount] = useState<AccountSummary | null>(null);

  useEffect(() => {
    const off = graphql.onSessionChange((payload) => {
      if (payload) rememberOfflineAccount(payload.account);
      else forgetOfflineAccount();
      setAccount(payload?.account ?? null);
      setStatus(payload ? 'authenticated' : 'anonymous');
    });
    // Started offline as someone: once the connection returns, get their token (or learn the session ended).
    const back = () => {
      if (!graphql.hasSession && graphql.accountId) graphql.refresh().catch(() => undefined);
    };
    window.addEventListener('online', back);
    // The refresh cookie is httpOnly: the only way to know whether we are logged in is to try it.
    firstSessionRefresh().then(
      (payload) => {
        // It may have answered before the listener above existed.
        if (payload) rememberOfflineAccount(payload.account);
        setAccount(payload?.account ?? null);
        setStatus(payload ? 'authenticated' : 'anonymous');
        // A language picked on this device wins; otherwise use the one saved with the account.
        if (payload && !readStoredLocale()) setLocale(payload.account.locale, { remote: false });
      },
      () => {
        // No connection (a real refusal resolves null): the person last signed in here, for what this phone kept.
        const saved = lastOfflineAccount();
        if (!saved) return setStatus('anonymous');
        graphql.resumeOffline(saved.id);
        setAccount(saved);
        setStatus('authenticated');
      },
    );
    return () => {
      off();
      window.removeEventListener('online', back);
    };
    // Runs once per page load by design.
  }, []);

  const signUp = useCallback(
    async (values: SignUpValues) => {
      const data = await graphql.request(SIGN_UP, { input: { ...values, locale } });
      graphql.setSession(data.signUp);
      return data.signUp.account;
    },
    [locale],
  );

  const logIn = useCallback(
    async (login: string, password: string, phoneCountry?: 'KG' | 'KZ') => {
      const data = await graphql.request(LOG_IN, { input: { login, password, phoneCountry: phoneCountry ?? null } });
      graphql.setSession(data.logIn);
      if (data.logIn.account.locale !== locale) {
        if (readStoredLocale()) setLocale(locale); // push this device's choice to the account
        else setLocale(data.logIn.account.locale, { remote: false });
      }
      return data.logIn.account;
    },
    [locale, setLocale],
  );

  const logOut = useCallback(async () => {
    try {
      await graphql.request(LOG_OUT);
    } finally {
      graphql.setSession(null);
      // The next person on this phone must not see this one's cached reads.
      await clearOfflineReads();
    }
  }, []);

  const value = useMemo(() => ({ status, account, signUp, logIn, logOut }), [status, account, signUp, logIn, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

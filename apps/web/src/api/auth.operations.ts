import type { Locale } from '@ashar/i18n';

export interface AccountSummary {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

export interface AuthPayload {
  accessToken: string;
  expiresAt: string;
  account: AccountSummary;
}

const AUTH_PAYLOAD = `accessToken expiresAt account { id displayName email phone locale }`;

export const REFRESH_SESSION = `mutation RefreshSession { refreshSession { ${AUTH_PAYLOAD} } }`;
export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_PAYLOAD} } }`;
export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { ${AUTH_PAYLOAD} } }`;
export const LOG_OUT = `mutation LogOut { logOut }`;
export const UNLOCK_SIGN_IN = `mutation UnlockSignIn($token: String!) { unlockSignIn(token: $token) }`;
export const SET_LOCALE = `mutation SetLocale($locale: Lang!) { setLocale(locale: $locale) { id locale } }`;

/** Mirrors the API's rule (SignUpInput.password >= 10) so the hint shows the right number. */
export const PASSWORD_MIN_LENGTH = 10;

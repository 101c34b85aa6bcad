import type {
  LogInMutation,
  LogInMutationVariables,
  LogOutMutation,
  LogOutMutationVariables,
  RefreshSessionMutation,
  RefreshSessionMutationVariables,
  SetLocaleMutation,
  SetLocaleMutationVariables,
  SignUpMutation,
  SignUpMutationVariables,
  UnlockSignInMutation,
  UnlockSignInMutationVariables,
} from './generated/graphql';
import type { Operation } from './operation';

/** What log-in, sign-up and refresh answer (generated from the operations below). */
export type AuthPayload = LogInMutation['logIn'];
export type AccountSummary = AuthPayload['account'];

const AUTH_PAYLOAD = `accessToken expiresAt account { id displayName email phone locale }`;

export const REFRESH_SESSION = `mutation RefreshSession { refreshSession { ${AUTH_PAYLOAD} } }` as Operation<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_PAYLOAD} } }` as Operation<SignUpMutation, SignUpMutationVariables>;
export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { ${AUTH_PAYLOAD} } }` as Operation<LogInMutation, LogInMutationVariables>;
export const LOG_OUT = `mutation LogOut { logOut }` as Operation<LogOutMutation, LogOutMutationVariables>;
export const UNLOCK_SIGN_IN = `mutation UnlockSignIn($token: String!) { unlockSignIn(token: $token) }` as Operation<UnlockSignInMutation, UnlockSignInMutationVariables>;
export const SET_LOCALE = `mutation SetLocale($locale: Lang!) { setLocale(locale: $locale) { id locale } }` as Operation<SetLocaleMutation, SetLocaleMutationVariables>;

/** Mirrors the API's rule (SignUpInput.password >= 10) so the hint shows the right number. */
export const PASSWORD_MIN_LENGTH = 10;

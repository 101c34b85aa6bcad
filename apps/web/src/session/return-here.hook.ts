import { useLocation } from 'react-router';
import { safeNext, withNext } from './next-path';

/**
 * Log-in and sign-up addresses that bring the person back to the page they are on (`?next=`).
 * On the log-in and sign-up pages themselves the `next` they already carry is kept instead.
 */
export function useAuthLinks(): { logIn: string; signUp: string } {
  const { pathname, search, hash } = useLocation();
  const onAuthPage = pathname === '/login' || pathname === '/signup';
  const here = onAuthPage ? safeNext(search, '/me') : `${pathname}${search}${hash}`;
  const next = here === '/' ? null : here;
  return { logIn: withNext('/login', next), signUp: withNext('/signup', next) };
}

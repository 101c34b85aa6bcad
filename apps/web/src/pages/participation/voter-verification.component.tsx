import { useState } from 'react';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { PhoneVerification } from '../verification/phone-verification.component';
import { LEVEL_KEY, meetsLevel } from '../verification/verification-level';
import { VER_MY_LEVEL } from '../verification/verification.operations';
import type { PbProcess } from './participation.operations';

/**
 * Before the ballot of a process that asks for more than a self-declared resident: the resident's level in
 * the community and, when it is short, the way up (SMS code for PHONE; a budget-group member for IN_PERSON).
 * The ballot (children) shows once the level is met; the API checks the level again on castBallot.
 */
export function VoterVerification({ process: p, children }: { process: PbProcess; children: React.ReactNode }) {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const [justVerified, setJustVerified] = useState(false);
  const needed = p.verification;
  const { data, error, retry } = useQuery(VER_MY_LEVEL, needed === 'SELF_DECLARED' ? null : { communityId: p.communityId, reload });
  if (needed === 'SELF_DECLARED') return <>{children}</>;
  if (error && !data) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return <Loading />;
  const level = data.myVoterVerification.level;
  const met = meetsLevel(level, needed);
  return (
    <>
      <p className="pb-note">
        {t('verification.needed', { level: t(LEVEL_KEY[needed]) })} {t('verification.yours', { level: t(LEVEL_KEY[level]) })}
      </p>
      {justVerified && met && <p role="status">{t('verification.phone.done')}</p>}
      {met ? (
        children
      ) : needed === 'PHONE' ? (
        <PhoneVerification
          onVerified={() => {
            setJustVerified(true);
            setReload((n) => n + 1);
          }}
        />
      ) : (
        <p className="pb-note">{t('verification.inPersonHow')}</p>
      )}
    </>
  );
}

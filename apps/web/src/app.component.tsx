import { Locale } from '@ashar/i18n/core';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SET_LOCALE } from './api/auth.operations';
import { graphql } from './api/graphql.client';
import { I18nProvider } from './i18n/i18n.context';
import { SessionProvider } from './session/session.context';
import { Layout } from './ui/layout.component';
import { lazyPage } from './ui/lazy-page';

// One chunk per page: the first screen downloads only the page it shows.
const HomePage = lazyPage(() => import('./pages/home.page'));
const LoginPage = lazyPage(() => import('./pages/login.page'));
const SignUpPage = lazyPage(() => import('./pages/sign-up.page'));
const MyCommunitiesPage = lazyPage(() => import('./pages/my-communities.page'));
const PlacesPage = lazyPage(() => import('./pages/places.page'));
const UnitPage = lazyPage(() => import('./pages/unit.page'));
const CommunityPage = lazyPage(() => import('./pages/community.page'));
const NotFoundPage = lazyPage(() => import('./pages/not-found.page'));
const InvitationPage = lazyPage(() => import('./pages/invitation.page'));
const UnlockSignInPage = lazyPage(() => import('./pages/unlock-sign-in.page'));
const PublicBudgetPage = lazyPage(() => import('./pages/budget/public-budget.page'));
const ShortAddressBudgetPage = lazyPage(() => import('./pages/budget/short-address.page'));
const BudgetEditorPage = lazyPage(() => import('./pages/budget/budget-editor.page'));
const CommunityBudgetsPage = lazyPage(() => import('./pages/budget/new-budget.page'));
const CommunityProcessesPage = lazyPage(() => import('./pages/participation/community-processes.page'));
const ProcessPage = lazyPage(() => import('./pages/participation/process.page'));
const RecountPage = lazyPage(() => import('./pages/participation/recount.page'));
const PaperBallotsPage = lazyPage(() => import('./pages/participation/paper-ballots.page'));
const NewProcessPage = lazyPage(() => import('./pages/participation/new-process.page'));
const CouncilDirectoryPage = lazyPage(() => import('./pages/councils/directory.page'));
const CouncilBodyPage = lazyPage(() => import('./pages/councils/body.page'));
const CouncilMeetingPage = lazyPage(() => import('./pages/councils/meeting.page'));
const CouncilDecisionSearchPage = lazyPage(() => import('./pages/councils/search.page'));
const RecommendationTrackerPage = lazyPage(() => import('./pages/councils/tracker.page'));
const MunicipalityComparisonPage = lazyPage(() => import('./pages/municipalities/comparison.page'));
const MunicipalityPage = lazyPage(() => import('./pages/municipalities/municipality.page'));
const CompetitionCallsPage = lazyPage(() => import('./pages/competitions/calls.page'));
const CompetitionCallPage = lazyPage(() => import('./pages/competitions/call.page'));
const CompetitionApplicationPage = lazyPage(() => import('./pages/competitions/application.page'));
const CompetitionReviewPage = lazyPage(() => import('./pages/competitions/review.page'));
const CompetitionReviewApplicationPage = lazyPage(() => import('./pages/competitions/review-application.page'));
const CompetitionManagePage = lazyPage(() => import('./pages/competitions/manage.page'));
const CompetitionResultsPage = lazyPage(() => import('./pages/competitions/results.page'));
const SurveyFieldPage = lazyPage(() => import('./pages/surveys/field.page'));
const CompetitionCallEditPage = lazyPage(() => import('./pages/competitions/call-editor.page'));
const CompetitionCallNewPage = lazyPage(() => import('./pages/competitions/call-editor.page').then((m) => ({ default: m.NewCompetitionCallPage })));
const CommunitySurveysPage = lazyPage(() => import('./pages/surveys/community-surveys.page'));
const SurveyPage = lazyPage(() => import('./pages/surveys/survey.page'));
const InPersonVerificationPage = lazyPage(() => import('./pages/verification/in-person-verification.page'));

function saveLocaleOnAccount(locale: Locale) {
  // Best effort: the device keeps the choice even if the account update fails.
  if (graphql.hasSession) graphql.request(SET_LOCALE, { locale }).catch(() => undefined);
}

export function App() {
  return (
    <I18nProvider onChange={saveLocaleOnAccount}>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

/** The route table, shared by the browser (BrowserRouter) and the server's render (StaticRouter). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="me" element={<MyCommunitiesPage />} />
        <Route path="places" element={<PlacesPage />} />
        <Route path="places/:code" element={<UnitPage />} />
        <Route path="communities/:id" element={<CommunityPage />} />
        <Route path="communities/:communityId/budgets" element={<CommunityBudgetsPage />} />
        <Route path="communities/:id/participation" element={<CommunityProcessesPage />} />
        <Route path="communities/:id/participation/new" element={<NewProcessPage />} />
        <Route path="communities/:id/participation/verify" element={<InPersonVerificationPage />} />
        <Route path="participation/:processId" element={<ProcessPage />} />
        <Route path="participation/:processId/recount" element={<RecountPage />} />
        <Route path="participation/:processId/paper" element={<PaperBallotsPage />} />
        <Route path="councils" element={<CouncilDirectoryPage />} />
        <Route path="councils/search" element={<CouncilDecisionSearchPage />} />
        <Route path="councils/tracker" element={<RecommendationTrackerPage />} />
        <Route path="councils/meetings/:id" element={<CouncilMeetingPage />} />
        <Route path="councils/:id" element={<CouncilBodyPage />} />
        <Route path="surveys/field" element={<SurveyFieldPage />} />
        <Route path="municipalities/area/:areaUnitId" element={<MunicipalityComparisonPage />} />
        <Route path="municipalities/:unitId" element={<MunicipalityPage />} />
        <Route path="communities/:communityId/surveys" element={<CommunitySurveysPage />} />
        <Route path="surveys/:surveyId" element={<SurveyPage />} />
        <Route path="competitions" element={<CompetitionCallsPage />} />
        <Route path="competitions/new" element={<CompetitionCallNewPage />} />
        <Route path="competitions/applications/:id" element={<CompetitionApplicationPage />} />
        <Route path="competitions/:id/edit" element={<CompetitionCallEditPage />} />
        <Route path="competitions/:id" element={<CompetitionCallPage />} />
        <Route path="competitions/:id/review" element={<CompetitionReviewPage />} />
        <Route path="competitions/:id/review/:applicationId" element={<CompetitionReviewApplicationPage />} />
        <Route path="competitions/:id/manage" element={<CompetitionManagePage />} />
        <Route path="competitions/:id/results" element={<CompetitionResultsPage />} />
        <Route path="budgets/:id" element={<PublicBudgetPage />} />
        <Route path="b/:slug/:year" element={<ShortAddressBudgetPage />} />
        <Route path="budgets/:id/edit" element={<BudgetEditorPage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="unlock-sign-in/:token" element={<UnlockSignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { Alert, App as AntApp, Button, Card, ConfigProvider, Result, Space, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { AppLayout, LanguageSwitch } from './layout/AppLayout';
import { homePathFor } from './layout/menu';
import { Loading } from './components/common';
import { isOfficer } from './auth/claims';

// Ant Design's default greys for secondary text fall below WCAG AA contrast; these pass it (axe).
const THEME = {
  token: { colorPrimary: '#0b5394', colorLink: '#0b5394', colorInfo: '#0b5394', colorError: '#c41d1d', colorWarning: '#ad4e00', colorSuccess: '#237804', colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#6e6e6e' },
  // A table's empty-state text ("Không có ai trong danh sách chờ") is drawn in the disabled grey; darker here so it passes AA.
  components: { Table: { colorTextDisabled: '#595959' } },
};

// Each page is its own chunk: the first load fetches only the page it opens (ECharts only with the home).
const OfficerHome = lazy(() => import('./pages/officer/OfficerHome').then((m) => ({ default: m.OfficerHome })));
const PlansPage = lazy(() => import('./pages/plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() => import('./pages/plans/PlanDetailPage').then((m) => ({ default: m.PlanDetailPage })));
const ReviewRegistrationsPage = lazy(() => import('./pages/officer/ReviewRegistrationsPage').then((m) => ({ default: m.ReviewRegistrationsPage })));
const EnterprisePage = lazy(() => import('./pages/enterprise/EnterprisePage').then((m) => ({ default: m.EnterprisePage })));
const RegistrationDetailPage = lazy(() => import('./pages/enterprise/RegistrationDetailPage').then((m) => ({ default: m.RegistrationDetailPage })));
const CoursesPage = lazy(() => import('./pages/training/CoursesPage').then((m) => ({ default: m.CoursesPage })));
const CourseDetailPage = lazy(() => import('./pages/training/CourseDetailPage').then((m) => ({ default: m.CourseDetailPage })));
const CertificationsPage = lazy(() => import('./pages/assessor/CertificationsPage').then((m) => ({ default: m.CertificationsPage })));
const NominationsPage = lazy(() => import('./pages/council/NominationsPage').then((m) => ({ default: m.NominationsPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const ReportingPage = lazy(() => import('./pages/reporting/ReportingPage').then((m) => ({ default: m.ReportingPage })));
const ReportingPeriodPage = lazy(() => import('./pages/reporting/ReportingPeriodPage').then((m) => ({ default: m.ReportingPeriodPage })));
const SealedReportsPage = lazy(() => import('./pages/audit/SealedReportsPage').then((m) => ({ default: m.SealedReportsPage })));
const BackfillPage = lazy(() => import('./pages/audit/BackfillPage').then((m) => ({ default: m.BackfillPage })));
const AwardCategoriesPage = lazy(() => import('./pages/council/AwardCategoriesPage').then((m) => ({ default: m.AwardCategoriesPage })));
const AchievementsPage = lazy(() => import('./pages/achievements/AchievementsPage').then((m) => ({ default: m.AchievementsPage })));
const IndicatorCataloguePage = lazy(() => import('./pages/achievements/IndicatorCataloguePage').then((m) => ({ default: m.IndicatorCataloguePage })));
const InboxPage = lazy(() => import('./pages/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const ClaimEnterprisePage = lazy(() => import('./pages/onboarding/ClaimEnterprisePage').then((m) => ({ default: m.ClaimEnterprisePage })));
const EnterpriseClaimsPage = lazy(() => import('./pages/onboarding/EnterpriseClaimsPage').then((m) => ({ default: m.EnterpriseClaimsPage })));
const EnterprisesPage = lazy(() => import('./pages/officer/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })));
const ProgrammesPage = lazy(() => import('./pages/programmes/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));

export function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000, refetchOnWindowFocus: false } } });
}

function SignIn() {
  const { t } = useTranslation();
  const { login, register, error } = useAuth();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}>
      <Card style={{ width: 440 }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ textAlign: 'right' }}>
            <LanguageSwitch />
          </div>
          <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph>{t('auth.intro')}</Typography.Paragraph>
          {error && (
            <Alert
              type="warning"
              showIcon
              message={t(`auth.problem.${error.kind}`)}
              description={error.reference && <Typography.Text type="secondary">{t('auth.problem.reference', { reference: error.reference })}</Typography.Text>}
            />
          )}
          <Button type="primary" size="large" block onClick={() => void login()}>
            {t('auth.login')}
          </Button>
          <Typography.Paragraph style={{ margin: 0 }}>{t('auth.newEnterprise')}</Typography.Paragraph>
          <Button size="large" block onClick={() => void register()}>
            {t('auth.register')}
          </Button>
        </Space>
      </Card>
    </main>
  );
}

function HomeRoute() {
  const { principal } = useAuth();
  if (isOfficer(principal)) return <OfficerHome />;
  return <Navigate to={homePathFor(principal)} replace />;
}

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:planId" element={<PlanDetailPage />} />
        <Route path="registrations" element={<ReviewRegistrationsPage />} />
        <Route path="registrations/:id" element={<RegistrationDetailPage />} />
        <Route path="enterprise" element={<EnterprisePage />} />
        <Route path="enterprises" element={<EnterprisesPage />} />
        <Route path="courses" element={<CoursesPage />} />
        <Route path="courses/:id" element={<CourseDetailPage />} />
        <Route path="certifications" element={<CertificationsPage />} />
        <Route path="nominations" element={<NominationsPage />} />
        <Route path="award-categories" element={<AwardCategoriesPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="audit/reports" element={<SealedReportsPage />} />
        <Route path="audit/backfill" element={<BackfillPage />} />
        <Route path="reporting" element={<ReportingPage />} />
        <Route path="reporting/:periodId" element={<ReportingPeriodPage />} />
        <Route path="programmes" element={<ProgrammesPage />} />
        <Route path="achievements" element={<AchievementsPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="claim" element={<ClaimEnterprisePage />} />
        <Route path="enterprise-claims" element={<EnterpriseClaimsPage />} />
        <Route path="indicators" element={<IndicatorCataloguePage />} />
        <Route path="*" element={<Result status="404" title={t('error.notFound')} />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  const { i18n } = useTranslation();
  const { principal, ready } = useAuth();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={THEME}>
      <AntApp>
      <QueryClientProvider client={queryClient}>
        {!ready ? (
          <Loading />
        ) : !principal ? (
          <SignIn />
        ) : (
          <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <AppRoutes />
          </BrowserRouter>
        )}
      </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

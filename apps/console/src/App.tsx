import { App as AntApp, Button, Card, ConfigProvider, Result, Space, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { AppLayout, LanguageSwitch } from './layout/AppLayout';
import { homePathFor } from './layout/menu';
import { Loading } from './components/common';
import { isOfficer } from './auth/claims';
import { OfficerHome } from './pages/officer/OfficerHome';
import { PlansPage } from './pages/plans/PlansPage';
import { PlanDetailPage } from './pages/plans/PlanDetailPage';
import { ReviewRegistrationsPage } from './pages/officer/ReviewRegistrationsPage';
import { EnterprisePage } from './pages/enterprise/EnterprisePage';
import { RegistrationDetailPage } from './pages/enterprise/RegistrationDetailPage';
import { CoursesPage } from './pages/training/CoursesPage';
import { CourseDetailPage } from './pages/training/CourseDetailPage';
import { CertificationsPage } from './pages/assessor/CertificationsPage';
import { NominationsPage } from './pages/council/NominationsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ReportingPage } from './pages/reporting/ReportingPage';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage';

// Ant Design's default greys for secondary text fall below WCAG AA contrast; these pass it (axe).
const THEME = {
  token: { colorPrimary: '#0b5394', colorLink: '#0b5394', colorInfo: '#0b5394', colorError: '#c41d1d', colorWarning: '#ad4e00', colorSuccess: '#237804', colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#6e6e6e' },
};

export function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000, refetchOnWindowFocus: false } } });
}

function SignIn() {
  const { t } = useTranslation();
  const { login, error } = useAuth();
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
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Button type="primary" size="large" block onClick={() => void login()}>
            {t('auth.login')}
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
        <Route path="courses" element={<CoursesPage />} />
        <Route path="courses/:id" element={<CourseDetailPage />} />
        <Route path="certifications" element={<CertificationsPage />} />
        <Route path="nominations" element={<NominationsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="reporting" element={<ReportingPage />} />
        <Route path="programmes" element={<ProgrammesPage />} />
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

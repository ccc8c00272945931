import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { menuFor } from './menu';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/common';
import { Suspense } from 'react';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      aria-label={t('common.language')}
      size="small"
      value={i18n.language.startsWith('en') ? 'en' : 'vi'}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => void i18n.changeLanguage(String(v))}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { principal, logout } = useAuth();
  const location = useLocation();
  const entries = menuFor(principal);
  const selected = [...entries].sort((a, b) => b.path.length - a.path.length).find((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={230} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#0b5394' }}>{t('app.name')}</div>
        <nav aria-label={t('nav.main')}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            items={entries.map((e) => ({ key: e.key, label: <Link to={e.path}>{t(e.label)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Space size="middle" wrap>
            <LanguageSwitch />
            {principal && (
              <span data-testid="who">
                <Typography.Text strong>{principal.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  ({principal.roles.map((r) => t(`role.${r}`)).join(', ')} · {principal.unit})
                </Typography.Text>
              </span>
            )}
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

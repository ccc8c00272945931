import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { api, ApiError, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ErrorAlert, StatusTag } from '../../components/common';
import { ProfileFields } from '../enterprise/ProfileFields';
import { ClaimedEnterprise } from './ClaimedEnterprise';
import type { EnterpriseClaim } from './claims';

interface ClaimValues {
  taxCode: string;
  name?: string;
  unitCode?: string;
  sector?: string;
  size?: string;
  group?: string;
}

/** The claim's body: the tax code alone for an enterprise on the platform, with its profile for a new one. */
export function claimBody(v: ClaimValues, isNew: boolean): Record<string, string> {
  const body: Record<string, string> = { taxCode: v.taxCode.trim() };
  if (isNew) {
    for (const key of ['name', 'unitCode', 'sector', 'size', 'group'] as const) {
      const value = v[key]?.trim();
      if (value) body[key] = value;
    }
  }
  return body;
}

/**
 * A person who signed up on Keycloak's page claims the enterprise they represent, by tax code, and
 * follows the claim: waiting, confirmed (sign in again to act for it), or refused with the reason.
 */
export function ClaimEnterprisePage() {
  const { t } = useTranslation();
  const { principal, login } = useAuth();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClaimValues>();
  const [isNew, setIsNew] = useState(false);
  const mine = useQuery({ queryKey: ['enterprise-claims', 'mine'], queryFn: () => api.get<Page<EnterpriseClaim>>('support-programs', '/enterprise-claims/mine', { pageSize: 50 }) });
  const submit = useMutation({
    mutationFn: (body: Record<string, string>) => api.post<EnterpriseClaim>('support-programs', '/enterprise-claims', body),
    onSuccess: async () => {
      form.resetFields();
      setIsNew(false);
      void message.success(t('claim.submitted'));
      await queryClient.invalidateQueries({ queryKey: ['enterprise-claims'] });
    },
    // The API asks for the profile when no enterprise has the tax code: open its fields.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'profile-required') setIsNew(true);
    },
  });
  const claims = mine.data?.items ?? [];
  const confirmed = claims.find((c) => c.status === 'confirmed');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('claim.title')}
      </Typography.Title>
      {principal?.enterpriseId ? (
        <Alert
          type="success"
          showIcon
          message={t('claim.linked', { accountId: principal.enterpriseId })}
          action={<Link to="/enterprise">{t('nav.enterprise')}</Link>}
        />
      ) : confirmed ? (
        <Alert
          type="success"
          showIcon
          message={t('claim.confirmedSignIn')}
          action={
            <Button type="primary" onClick={() => void login('/enterprise')}>
              {t('claim.signInAgain')}
            </Button>
          }
        />
      ) : (
        <Card>
          <Typography.Paragraph>{t('claim.intro')}</Typography.Paragraph>
          {submit.error && <ErrorAlert error={submit.error} />}
          <Form<ClaimValues> form={form} layout="vertical" onFinish={(v) => submit.mutate(claimBody(v, isNew))} style={{ maxWidth: 520 }}>
            <Form.Item name="taxCode" label={t('claim.taxCode')} rules={[{ required: true, pattern: /^\s*\d{10}(-\d{3})?\s*$/, message: t('enterprise.taxCodeRule') }]}>
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={isNew} onChange={(e) => setIsNew(e.target.checked)}>
                {t('claim.isNew')}
              </Checkbox>
            </Form.Item>
            {isNew && (
              <>
                <Typography.Paragraph type="secondary">{t('claim.newHint')}</Typography.Paragraph>
                <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input />
                </Form.Item>
                <ProfileFields />
              </>
            )}
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t('claim.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {t('claim.mine')}
      </Typography.Title>
      <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      <Table<EnterpriseClaim>
        rowKey="id"
        loading={mine.isLoading}
        dataSource={claims}
        pagination={false}
        locale={{ emptyText: t('claim.none') }}
        columns={[
          {
            title: t('claim.enterprise'),
            render: (_, c) => <ClaimedEnterprise claim={c} />,
          },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 130 },
          { title: t('claim.submittedAt'), render: (_, c) => formatDate(c.submittedAt), width: 120 },
          { title: t('common.status'), render: (_, c) => <StatusTag status={c.status} />, width: 140 },
          { title: t('claim.reason'), render: (_, c) => c.reason ?? '' },
        ]}
      />
    </Space>
  );
}

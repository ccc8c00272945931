import { App as AntApp, Button, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { isOfficer } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert, NotAllowed, StatusTag } from '../../components/common';
import { ClaimedEnterprise } from './ClaimedEnterprise';
import { claimActions, seesClaimQueue, type EnterpriseClaim } from './claims';

const CLAIM_STATUSES = ['submitted', 'confirmed', 'refused', 'revoked'];

/** Confirm (after a question), refuse or revoke (with the reason the person is shown); a refusal of the API appears beside the buttons. */
export function ClaimActions({ claim }: { claim: EnterpriseClaim }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['enterprise-claims'] });
  const path = (action: string) => `/enterprise-claims/${encodeURIComponent(claim.id)}/${action}`;
  const confirm = useMutation({
    mutationFn: () => api.post<EnterpriseClaim>('support-programs', path('confirm'), {}),
    onSuccess: async () => {
      void message.success(t('claim.done_confirm'));
      await refresh();
    },
  });
  const actions = claimActions(claim, principal);
  if (!actions.length) return null;
  const reasonField = (
    <Form.Item name="reason" label={t('claim.reason')} rules={[{ required: true, whitespace: true, min: 3, message: t('claim.reasonRule') }]}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
  return (
    <Space direction="vertical">
      <Space wrap>
        {actions.includes('confirm') && (
          <Popconfirm
            title={t('claim.confirmQuestion', { username: claim.claimant.username, name: claim.enterpriseName })}
            okText={t('claim.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirm.mutate()}
          >
            <Button type="primary" size="small" loading={confirm.isPending}>
              {t('claim.confirm')}
            </Button>
          </Popconfirm>
        )}
        {actions.includes('refuse') && (
          <ActionForm<{ reason: string }> label={t('claim.refuse')} danger doneMessage={t('claim.done_refuse')} toBody={(v) => ({ reason: v.reason.trim() })} send={(body) => api.post('support-programs', path('refuse'), body)} onDone={refresh}>
            {reasonField}
          </ActionForm>
        )}
        {actions.includes('revoke') && (
          <ActionForm<{ reason: string }> label={t('claim.revoke')} danger doneMessage={t('claim.done_revoke')} toBody={(v) => ({ reason: v.reason.trim() })} send={(body) => api.post('support-programs', path('revoke'), body)} onDone={refresh}>
            {reasonField}
          </ActionForm>
        )}
      </Space>
      {confirm.error && <ErrorAlert error={confirm.error} />}
    </Space>
  );
}

/**
 * The claims an officer decides (enterprises of the unit subtree), or — for a person acting for an
 * enterprise — colleagues asking to act for it too. Waiting claims first; filter by status and words.
 */
export function EnterpriseClaimsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = params.has('status') ? params.get('status') || undefined : 'submitted';
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const list = useQuery({
    queryKey: ['enterprise-claims', 'queue', status, q, page],
    enabled: seesClaimQueue(principal),
    queryFn: () => api.get<Page<EnterpriseClaim>>('support-programs', '/enterprise-claims', { status, q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  if (!seesClaimQueue(principal)) return <NotAllowed />;
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v !== undefined) merged.set(k, v);
      else merged.delete(k);
    }
    merged.delete('page');
    setParams(merged);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('claim.queueTitle')}
      </Typography.Title>
      <Typography.Paragraph>{isOfficer(principal) ? t('claim.queueIntro') : t('claim.colleagueIntro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('common.status')}
          allowClear
          placeholder={t('common.status')}
          style={{ width: 200 }}
          value={status}
          onChange={(v) => update({ status: v ?? '' })}
          options={CLAIM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Input.Search aria-label={t('claim.search')} placeholder={t('claim.search')} allowClear defaultValue={q} style={{ width: 320 }} onSearch={(v) => update({ q: v.trim() || undefined })} />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<EnterpriseClaim>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('claim.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.total', { total }), onChange: (p) => setParams((prev) => (prev.set('page', String(p)), prev)) }}
        columns={[
          {
            title: t('claim.enterprise'),
            render: (_, c) => <ClaimedEnterprise claim={c} />,
          },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 120 },
          {
            title: t('claim.person'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <span>{c.claimant.username}</span>
                {c.claimant.email && <Typography.Text type="secondary">{c.claimant.email}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('claim.submittedAt'), render: (_, c) => formatDate(c.submittedAt), width: 110 },
          {
            title: t('common.status'),
            width: 200,
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <StatusTag status={c.status} />
                {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('common.actions'), render: (_, c) => <ClaimActions claim={c} />, width: 260 },
        ]}
      />
    </Space>
  );
}

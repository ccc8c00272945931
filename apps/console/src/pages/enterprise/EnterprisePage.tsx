import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, ApiError, type Page } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Enterprise, Programme, Registration } from '../../lib/types';
import { FormSelect } from '../../components/FormSelect';
import { ActionForm } from '../../components/ActionForm';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, Loading, NotAllowed, StatusTag } from '../../components/common';
import { IdentityFields, ProfileFields } from './ProfileFields';

type ProfileFieldValues = Pick<Enterprise, 'name' | 'unitCode' | 'sector' | 'size' | 'group'>;

/** Only the profile fields the enterprise changed (the tax code never changes). */
export function profileChanges(before: ProfileFieldValues, v: ProfileFieldValues): Partial<ProfileFieldValues> {
  const out: Partial<ProfileFieldValues> = {};
  for (const key of ['name', 'unitCode', 'sector', 'size', 'group'] as const) {
    const next = typeof v[key] === 'string' ? v[key].trim() : v[key];
    if (next !== before[key]) out[key] = next;
  }
  return out;
}

/** The enterprise (or an officer of its unit) corrects its profile; the API names what it refuses. */
export function EditProfile({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ActionForm<ProfileFieldValues>
      label={t('enterprise.editProfile')}
      doneMessage={t('enterprise.profileSaved')}
      initialValues={{ name: enterprise.name, unitCode: enterprise.unitCode, sector: enterprise.sector, size: enterprise.size, group: enterprise.group }}
      toBody={(v) => profileChanges(enterprise, v)}
      send={async (body) => {
        if (Object.keys(body as object).length === 0) throw new ApiError(422, t('enterprise.noChange'));
        return api.patch('support-programs', `/enterprises/${encodeURIComponent(enterprise.id)}`, body);
      }}
      onDone={async () => {
        await queryClient.invalidateQueries({ queryKey: ['enterprise'] });
        await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      }}
    >
      <Typography.Paragraph type="secondary">{t('enterprise.taxCodeFixed', { taxCode: enterprise.taxCode })}</Typography.Paragraph>
      <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <ProfileFields />
    </ActionForm>
  );
}

function Profile() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['enterprise', 'mine'], retry: false, queryFn: () => api.get<Enterprise>('support-programs', '/enterprises/mine') });
  const register = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Enterprise>('support-programs', '/enterprises', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprise'] }),
  });
  if (mine.isLoading) return <Loading />;
  const notRegistered = mine.error instanceof ApiError && mine.error.status === 404;
  if (mine.error && !notRegistered) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  if (notRegistered)
    return (
      <Card title={t('enterprise.registerProfile')}>
        <Typography.Paragraph>{t('enterprise.notRegistered')}</Typography.Paragraph>
        <ErrorAlert error={register.error} />
        <Form layout="vertical" style={{ maxWidth: 560 }} initialValues={{ unitCode: principal?.unit, size: 'small', group: 'sme' }} onFinish={(v) => register.mutate(v)}>
          <IdentityFields />
          <ProfileFields />
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t('enterprise.registerProfile')}
          </Button>
        </Form>
      </Card>
    );
  const e = mine.data!;
  return (
    <Card title={t('enterprise.profile')} extra={<EditProfile enterprise={e} />}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('enterprise.name')}>{e.name}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.taxCode')}>{e.taxCode}</Descriptions.Item>
        <Descriptions.Item label={t('common.unit')}>{e.unitCode}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.sector')}>{e.sector}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.size')}>{t(`enterprise.size_${e.size}`)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.group')}>{t(`enterprise.group_${e.group}`)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function SubmitRegistration({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const submit = useMutation({
    mutationFn: (body: { tools: string[]; description?: string }) => api.post<Registration>('support-programs', `/programmes/${encodeURIComponent(programme.id)}/registrations`, body),
    onSuccess: async () => {
      void message.success(t('enterprise.submitted'));
      await queryClient.invalidateQueries({ queryKey: ['registrations'] });
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      onClose();
    },
  });
  return (
    <Modal open title={`${t('enterprise.apply')} — ${programme.name}`} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={submit.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical" onFinish={(v: { tools: string[]; description?: string }) => submit.mutate(v)}>
        <Form.Item name="tools" label={t('registration.tools')} rules={[{ required: true, message: t('enterprise.chooseTools') }]}>
          <FormSelect mode="multiple" options={programme.toolsOffered.map((x) => ({ value: x, label: t(`tool.${x}`, { defaultValue: x }) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('registration.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpenProgrammes({ registeredProgrammes }: { registeredProgrammes: Set<string> }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [applying, setApplying] = useState<Programme>();
  const list = useQuery({
    queryKey: ['programmes', 'open', q, page],
    queryFn: () => api.get<Page<Programme>>('support-programs', '/programmes', { status: 'open', q, page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={t('enterprise.openProgrammes')} extra={<Input.Search aria-label={t('common.search')} placeholder={t('common.search')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 260 }} />}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Programme>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('registration.programme'), dataIndex: 'name' },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 120 },
          { title: t('registration.tools'), render: (_, p) => p.toolsOffered.map((x) => t(`tool.${x}`, { defaultValue: x })).join(', ') },
          { title: t('enterprise.closes'), render: (_, p) => formatDate(p.closingDate), width: 110 },
          { title: t('enterprise.seats'), render: (_, p) => `${p.seatsAvailable}/${p.capacity}`, width: 80 },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, p) =>
              registeredProgrammes.has(p.id) ? (
                <Typography.Text type="secondary">{t('enterprise.alreadyRegistered')}</Typography.Text>
              ) : (
                <Button type="primary" size="small" onClick={() => setApplying(p)} aria-label={`${t('enterprise.apply')}: ${p.name}`}>
                  {t('enterprise.apply')}
                </Button>
              ),
          },
        ]}
      />
      {applying && <SubmitRegistration programme={applying} onClose={() => setApplying(undefined)} />}
    </Card>
  );
}

/** An enterprise's own work: its profile, the open programmes, its registrations and their status. */
export function EnterprisePage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [page, setPage] = useState(1);
  const mine = useQuery({
    queryKey: ['registrations', 'mine', page],
    enabled: hasRole(principal, 'enterprise'),
    queryFn: () => api.get<Page<Registration>>('support-programs', '/registrations', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const all = useQuery({
    queryKey: ['registrations', 'mine', 'programme-ids'],
    enabled: hasRole(principal, 'enterprise'),
    queryFn: () => api.get<Page<Registration>>('support-programs', '/registrations', { pageSize: 100 }),
  });
  if (!hasRole(principal, 'enterprise')) return <NotAllowed />;
  const registered = new Set((all.data?.items ?? []).filter((r) => r.status !== 'withdrawn').map((r) => r.programmeId));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.enterprise')}
      </Typography.Title>
      <Profile />
      <OpenProgrammes registeredProgrammes={registered} />
      <Card title={t('enterprise.myRegistrations')} extra={<ExportButtons service="support-programs" path="/registrations/export" name="dang-ky-cua-doanh-nghiep" />}>
        <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        <Table<Registration>
          rowKey="id"
          size="small"
          loading={mine.isFetching}
          dataSource={mine.data?.items ?? []}
          pagination={{ current: page, pageSize: 10, total: mine.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t('registration.programme'), render: (_, r) => <Link to={`/registrations/${encodeURIComponent(r.id)}`}>{r.programmeId}</Link> },
            { title: t('registration.tools'), render: (_, r) => r.tools.map((x) => t(`tool.${x}`, { defaultValue: x })).join(', ') },
            { title: t('registration.submittedAt'), render: (_, r) => formatDateTime(r.submittedAt), width: 150 },
            { title: t('common.status'), render: (_, r) => <StatusTag status={r.status} />, width: 150 },
          ]}
        />
      </Card>
    </Space>
  );
}

import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { isOfficer } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import type { Enterprise } from '../../lib/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, NotAllowed } from '../../components/common';
import { EditProfile } from '../enterprise/EnterprisePage';
import { GROUPS, IdentityFields, ProfileFields, SIZES } from '../enterprise/ProfileFields';
import { serverPagination, useListParams } from '../../lib/listPaging';

/**
 * An officer registers an enterprise of the unit that has no account yet (a cooperative that came to
 * the commune office); it gets one when a person claims it and the claim is confirmed.
 */
function RegisterEnterprise({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const register = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Enterprise>('support-programs', '/enterprises', body),
    onSuccess: async (e) => {
      void message.success(t('enterprises.registered', { name: e.name }));
      await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      onClose();
    },
  });
  return (
    <Modal open title={t('enterprises.register')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={register.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={register.error} />
      <Form form={form} layout="vertical" initialValues={{ unitCode: principal?.unit, size: 'small', group: 'sme' }} onFinish={(v) => register.mutate(v)}>
        <IdentityFields />
        <ProfileFields />
      </Form>
    </Modal>
  );
}

/** The enterprises and cooperatives of the officer's unit and the units within it, searched and filtered on the server. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const { get, page, pageSize, update, onPageChange } = useListParams();
  const [registering, setRegistering] = useState(false);
  const [q, group, size] = [get('q'), get('group'), get('size')];
  const filter = { unit: principal?.unit, q, group, size };
  const list = useQuery({
    queryKey: ['enterprises', filter, page, pageSize],
    enabled: isOfficer(principal),
    queryFn: () => api.get<Page<Enterprise>>('support-programs', '/enterprises', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  if (!isOfficer(principal)) return <NotAllowed />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.enterprises')}
      </Typography.Title>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('enterprises.searchPlaceholder')} allowClear defaultValue={q} onSearch={(v) => update({ q: v.trim() })} style={{ width: 300 }} />
        <Select aria-label={t('enterprise.group')} allowClear placeholder={t('enterprise.group')} style={{ width: 220 }} value={group} onChange={(v) => update({ group: v })} options={GROUPS.map((x) => ({ value: x, label: t(`enterprise.group_${x}`) }))} />
        <Select aria-label={t('enterprise.size')} allowClear placeholder={t('enterprise.size')} style={{ width: 140 }} value={size} onChange={(v) => update({ size: v })} options={SIZES.map((x) => ({ value: x, label: t(`enterprise.size_${x}`) }))} />
        <ExportButtons service="support-programs" path="/enterprises/export" query={filter} name="doanh-nghiep" />
        <Button type="primary" onClick={() => setRegistering(true)}>
          {t('enterprises.register')}
        </Button>
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Enterprise>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize, onChange: onPageChange })}
        columns={[
          { title: t('enterprise.name'), dataIndex: 'name' },
          { title: t('enterprise.taxCode'), dataIndex: 'taxCode', width: 140 },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 140 },
          { title: t('enterprise.sector'), dataIndex: 'sector' },
          { title: t('enterprise.size'), render: (_, e) => t(`enterprise.size_${e.size}`), width: 100 },
          { title: t('enterprise.group'), render: (_, e) => t(`enterprise.group_${e.group}`), width: 190 },
          {
            title: t('enterprises.account'),
            width: 150,
            render: (_, e) => (e.accountId ? <Tag color="green">{t('enterprises.hasAccount')}</Tag> : <Tag>{t('enterprises.noAccount')}</Tag>),
          },
          { title: t('common.actions'), width: 130, render: (_, e) => <EditProfile enterprise={e} /> },
        ]}
      />
      {registering && <RegisterEnterprise onClose={() => setRegistering(false)} />}
    </Space>
  );
}

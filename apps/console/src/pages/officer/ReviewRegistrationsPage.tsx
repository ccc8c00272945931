import { Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { isOfficer } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Registration } from '../../lib/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, NotAllowed, StatusTag } from '../../components/common';
import { RegistrationActions } from '../registrations/RegistrationActions';
import { serverPagination, useListParams } from '../../lib/listPaging';

export const REGISTRATION_STATUSES = ['submitted', 'under-review', 'approved', 'rejected', 'in-implementation', 'completed', 'withdrawn'];

/** Pilot-model registrations in the officer's unit subtree, paged on the server, acted on in the row. */
export function ReviewRegistrationsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const { get, page, pageSize, update, onPageChange } = useListParams();
  const status = get('status');
  const list = useQuery({
    queryKey: ['registrations', 'review', principal?.unit, status, page, pageSize],
    enabled: isOfficer(principal),
    queryFn: () => api.get<Page<Registration>>('support-programs', '/registrations', { unit: principal!.unit, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  if (!isOfficer(principal)) return <NotAllowed />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.registrations')}
      </Typography.Title>
      <Space wrap>
      <Select
        aria-label={t('common.status')}
        allowClear
        placeholder={t('common.status')}
        style={{ width: 220 }}
        value={status}
        onChange={(v) => update({ status: v })}
        options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <ExportButtons service="support-programs" path="/registrations/export" query={{ unit: principal!.unit, status }} name="dang-ky-mo-hinh-diem" />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Registration>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize, onChange: onPageChange })}
        columns={[
          { title: t('registration.enterprise'), render: (_, r) => <Link to={`/registrations/${encodeURIComponent(r.id)}`}>{r.enterpriseName}</Link> },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 140 },
          { title: t('registration.tools'), render: (_, r) => r.tools.map((x) => t(`tool.${x}`, { defaultValue: x })).join(', ') },
          { title: t('registration.submittedAt'), render: (_, r) => formatDateTime(r.submittedAt), width: 150 },
          { title: t('common.status'), render: (_, r) => <StatusTag status={r.status} />, width: 140 },
          { title: t('common.actions'), render: (_, r) => <RegistrationActions registration={r} size="small" />, width: 320 },
        ]}
      />
    </Space>
  );
}

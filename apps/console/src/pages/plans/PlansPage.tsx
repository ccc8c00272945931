import { useState } from 'react';
import { Input, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { PlanSummary } from '../../lib/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, StatusTag } from '../../components/common';
import { NewPlanButton } from './PlanAuthoring';
import { serverPagination, useListParams } from '../../lib/listPaging';

/** Plans: words searched on the server (diacritics ignored there), filters and pages in the address. */
export function PlansPage() {
  const { t } = useTranslation();
  const { get, page, pageSize, update, onPageChange } = useListParams();
  const q = get('q') ?? '';
  const status = get('status');
  const [text, setText] = useState(q);
  const plans = useQuery({
    queryKey: ['plans', q, status, page, pageSize],
    queryFn: () => api.get<Page<PlanSummary>>('plans', '/plans', { q, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('plans.title')}
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label={t('plans.search')}
          placeholder={t('plans.searchPlaceholder')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v })}
          style={{ width: 360 }}
        />
        <Select
          aria-label={t('common.status')}
          allowClear
          placeholder={t('common.status')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => update({ status: v })}
          options={['draft', 'issued', 'amended', 'closed'].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <NewPlanButton />
        <ExportButtons service="plans" path="/plans/export" query={{ q, status }} name="ke-hoach" />
      </Space>
      <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      <Table<PlanSummary>
        rowKey="planId"
        loading={plans.isFetching}
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: q ? t('plans.noMatch', { q }) : t('common.empty') }}
        pagination={serverPagination(t, plans.data, { current: page, pageSize, onChange: onPageChange, showSizeChanger: true })}
        columns={[
          { title: t('plans.documentNumber'), render: (_, r) => <Link to={`/plans/${encodeURIComponent(r.planId)}`}>{r.documentNumber ?? t('plans.noNumber')}</Link>, width: 150 },
          { title: t('plans.planTitle'), dataIndex: 'title' },
          { title: t('plans.issuingUnit'), render: (_, r) => r.issuingUnitName ?? r.issuingUnit, width: 160 },
          { title: t('plans.issueDate'), render: (_, r) => formatDate(r.issueDate), width: 120 },
          { title: t('plans.horizon'), render: (_, r) => r.horizonYears.join(', '), width: 100 },
          { title: t('common.status'), render: (_, r) => <StatusTag status={r.status} />, width: 110 },
          { title: t('plans.version'), dataIndex: 'version', width: 80 },
        ]}
      />
    </Space>
  );
}

import { useState } from 'react';
import { Input, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { PlanSummary } from '../../lib/types';
import { ErrorAlert, StatusTag } from '../../components/common';
import { NewPlanButton } from './PlanAuthoring';

/** Plans: words searched on the server (diacritics ignored there), filters and pages in the address. */
export function PlansPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const [text, setText] = useState(q);
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged);
  };
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
          onSearch={(v) => update({ q: v || undefined, page: undefined })}
          style={{ width: 360 }}
        />
        <Select
          aria-label={t('common.status')}
          allowClear
          placeholder={t('common.status')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          options={['draft', 'issued', 'amended', 'closed'].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <NewPlanButton />
      </Space>
      <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      <Table<PlanSummary>
        rowKey="planId"
        loading={plans.isFetching}
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: q ? t('plans.noMatch', { q }) : t('common.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: plans.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t(plans.data?.totalIsLowerBound ? 'common.totalAtLeast' : 'common.total', { total }),
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
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

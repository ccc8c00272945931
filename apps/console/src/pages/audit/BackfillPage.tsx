import { useState } from 'react';
import { Alert, Card, Descriptions, Form, Input, Progress, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { serverPagination } from '../../lib/listPaging';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert, Loading, NotAllowed, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { FormSelect } from '../../components/FormSelect';
import { AUDITED_CONTEXTS } from './contexts';

export interface BackfillRun {
  id: string;
  context: string;
  topic: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  expected?: number;
  read?: number;
  counts?: { stored?: number; duplicate?: number; conflict?: number; failed?: number };
  anomalies?: number;
  failures?: { partition: number; offset: string; error: string }[];
  error?: string;
}

/** Share of the topic read, 0–100; a topic that was empty when the run started is complete at once. */
export function backfillPercent(run: Pick<BackfillRun, 'status' | 'expected' | 'read'>): number {
  if (run.status === 'done') return 100;
  if (!run.expected) return run.status === 'running' ? 0 : 100;
  return Math.min(100, Math.floor(((run.read ?? 0) / run.expected) * 100));
}

/** One run: progress while it reads (polled), then what it added, what it found already there, what differed. */
export function BackfillRunCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const run = useQuery({
    queryKey: ['backfill-run', id],
    queryFn: () => api.get<BackfillRun>('audit', `/audit/backfill/runs/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 2000 : false),
  });
  const n = (v: number | undefined) => formatNumber(v ?? 0, i18n.language);
  if (run.isLoading) return <Loading />;
  if (run.error) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  const r = run.data!;
  return (
    <Card size="small" title={`${r.context} · ${formatDateTime(r.startedAt)}`} extra={<StatusTag status={`backfill-${r.status}`} />} data-testid="backfill-run">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Progress percent={backfillPercent(r)} status={r.status === 'failed' ? 'exception' : r.status === 'running' ? 'active' : 'success'} aria-label={t('backfill.progress')} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('backfill.read')}>{`${n(r.read)} / ${n(r.expected)}`}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.stored')}>{n(r.counts?.stored)}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.duplicate')}>{n(r.counts?.duplicate)}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.conflict')}>
            <span data-testid="backfill-conflicts">{n(r.counts?.conflict)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('backfill.anomalies')}>{n(r.anomalies)}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.finished')}>{r.finishedAt ? formatDateTime(r.finishedAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.topic')}>{r.topic}</Descriptions.Item>
          <Descriptions.Item label={t('backfill.runId')}>
            <Typography.Text copyable={{ text: r.id }}>
              <span data-testid="backfill-run-id">{r.id}</span>
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {r.error && <Alert type="error" showIcon message={r.error} />}
        {(r.failures?.length ?? 0) > 0 && (
          <Table
            size="small"
            rowKey={(f) => `${f.partition}:${f.offset}`}
            dataSource={r.failures}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('backfill.partition'), dataIndex: 'partition', width: 90 },
              { title: t('backfill.offset'), dataIndex: 'offset', width: 110 },
              { title: t('backfill.error'), dataIndex: 'error' },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

/** The runs, newest first: each opens to its card (failures and all). */
function BackfillRuns() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['backfill-runs', page],
    queryFn: () => api.get<Page<BackfillRun>>('audit', '/audit/backfill/runs', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
    // A run still reading moves on: follow it while one is listed.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 3000 : false),
  });
  const n = (v: number | undefined) => formatNumber(v ?? 0, i18n.language);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('backfill.runs')}
      </Typography.Title>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<BackfillRun>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('backfill.noRuns') }}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 10, onChange: setPage })}
        expandable={{ expandedRowRender: (r) => <BackfillRunCard id={r.id} /> }}
        columns={[
          { title: t('backfill.startedAt'), render: (_, r) => formatDateTime(r.startedAt), width: 170 },
          { title: t('audit.context'), dataIndex: 'context', width: 150 },
          { title: t('common.status'), render: (_, r) => <StatusTag status={`backfill-${r.status}`} />, width: 130 },
          { title: t('backfill.progress'), render: (_, r) => <Progress percent={backfillPercent(r)} size="small" status={r.status === 'failed' ? 'exception' : undefined} aria-label={`${t('backfill.progress')} ${r.context} ${formatDateTime(r.startedAt)}`} />, width: 180 },
          { title: t('backfill.stored'), render: (_, r) => n(r.counts?.stored), width: 120 },
          { title: t('backfill.conflict'), render: (_, r) => n(r.counts?.conflict), width: 120 },
        ]}
      />
    </Space>
  );
}

/**
 * Backfill of the audit ledger from a context's Kafka topic: a province administrator starts it and
 * watches it; auditors follow the runs. It only adds to the ledger and flags differences.
 */
export function BackfillPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const mayStart = hasRole(principal, 'province-admin');
  // The run just started, or one looked up by its id, shown open above the list.
  const [opened, setOpened] = useState<string>();
  if (!mayStart && !hasRole(principal, 'auditor')) return <NotAllowed />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.backfill')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('backfill.help')}</Typography.Paragraph>
      {mayStart && (
        <Space wrap>
          <ActionForm<{ context: string }>
            primary
            label={t('backfill.start')}
            doneMessage={t('backfill.started')}
            initialValues={{ context: AUDITED_CONTEXTS[0] }}
            toBody={(v) => v}
            send={async (body) => {
              const run = await api.post<{ id: string }>('audit', `/audit/backfill/${encodeURIComponent((body as { context: string }).context)}`);
              setOpened(run.id);
              await queryClient.invalidateQueries({ queryKey: ['backfill-runs'] });
              return run;
            }}
          >
            <Typography.Paragraph>{t('backfill.confirm')}</Typography.Paragraph>
            <Form.Item name="context" label={t('audit.context')} rules={[{ required: true, message: t('common.required') }]}>
              <FormSelect options={AUDITED_CONTEXTS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </ActionForm>
        </Space>
      )}
      <Input.Search aria-label={t('backfill.runId')} placeholder={t('backfill.lookup')} enterButton={t('audit.open')} onSearch={(v) => v.trim() && setOpened(v.trim())} style={{ maxWidth: 520 }} />
      {opened && <BackfillRunCard key={opened} id={opened} />}
      <BackfillRuns />
    </Space>
  );
}

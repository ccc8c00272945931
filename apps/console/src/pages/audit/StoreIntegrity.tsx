import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../../components/common';
import { AUDITED_CONTEXTS } from './contexts';

interface ChainAnswer {
  days: number;
  head: string;
  consistent: boolean;
  firstBroken?: { date: string; reason: string };
  matchesExportedHead?: boolean;
}

interface Finding {
  kind: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  detail: string;
}

interface Anomaly extends Finding {
  id: string;
  context: string;
  status: 'open' | 'resolved';
  detectedAt: string;
  source?: string;
}

const HEAD = /^[0-9a-f]{64}$/;

/**
 * A context's stores as a whole: the chain of its sealed days (its head to print or export, the first
 * day that no longer verifies, an earlier head still on the chain), the service's own store
 * reconciled with the ledger now, and the anomalies the ledger recorded.
 */
export function StoreIntegrity() {
  const { t, i18n } = useTranslation();
  const [context, setContext] = useState<string>(AUDITED_CONTEXTS[0]);
  const [head, setHead] = useState('');
  const [anomalyStatus, setAnomalyStatus] = useState<'open' | 'resolved' | undefined>('open');
  const [page, setPage] = useState(1);
  const chain = useMutation({ mutationFn: () => api.get<ChainAnswer>('audit', '/audit/checkpoints/chain', { context, head: head.trim() || undefined }) });
  const reconcile = useMutation({ mutationFn: () => api.get<{ context: string; checkedAt: string; compared: number; findings: Finding[] }>('audit', `/audit/stores/${encodeURIComponent(context)}/reconcile`) });
  const anomalies = useQuery({
    queryKey: ['audit', 'anomalies', context, anomalyStatus, page],
    queryFn: () => api.get<Page<Anomaly>>('audit', '/audit/anomalies', { context, status: anomalyStatus, page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const n = (v: number) => formatNumber(v, i18n.language);
  const headInvalid = head.trim() !== '' && !HEAD.test(head.trim());
  const findingColumns = [
    { title: t('stores.kind'), render: (_: unknown, f: Finding) => t(`stores.kind_${f.kind}`, { defaultValue: f.kind }), width: 190 },
    { title: t('audit.stream'), render: (_: unknown, f: Finding) => `${f.streamId} #${f.streamVersion}` },
    { title: t('sealed.detail'), dataIndex: 'detail' },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        aria-label={t('audit.context')}
        value={context}
        onChange={(v) => {
          setContext(v);
          setPage(1);
          chain.reset();
          reconcile.reset();
        }}
        style={{ width: 220 }}
        options={AUDITED_CONTEXTS.map((c) => ({ value: c, label: c }))}
      />

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('stores.chainTitle')}
      </Typography.Title>
      <Space wrap>
        <Input aria-label={t('stores.exportedHead')} placeholder={t('stores.exportedHead')} value={head} onChange={(e) => setHead(e.target.value)} status={headInvalid ? 'error' : undefined} style={{ width: 520 }} allowClear />
        <Button type="primary" onClick={() => chain.mutate()} loading={chain.isPending} disabled={headInvalid}>
          {t('stores.checkChain')}
        </Button>
      </Space>
      {headInvalid && <Typography.Text type="danger">{t('stores.headRule')}</Typography.Text>}
      <ErrorAlert error={chain.error} />
      {chain.data && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="chain-of-days">
          <Alert
            type={chain.data.days === 0 ? 'info' : chain.data.consistent && chain.data.matchesExportedHead !== false ? 'success' : 'error'}
            showIcon
            message={
              chain.data.days === 0
                ? t('stores.noSealedDays')
                : chain.data.consistent
                ? t('stores.chainOk', { days: n(chain.data.days) } as Record<string, string>)
                : t('stores.chainBroken', { date: formatDate(chain.data.firstBroken?.date), reason: chain.data.firstBroken?.reason ?? '' })
            }
            description={chain.data.matchesExportedHead === undefined ? undefined : chain.data.matchesExportedHead ? t('stores.headOnChain') : t('stores.headNotOnChain')}
          />
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('stores.head')}>
              <Typography.Text code copyable>
                {chain.data.head}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('stores.reconcileTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('stores.reconcileHelp')}
      </Typography.Paragraph>
      <Button onClick={() => reconcile.mutate()} loading={reconcile.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('stores.reconcile')}
      </Button>
      <ErrorAlert error={reconcile.error} />
      {reconcile.data && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="reconciliation">
          <Alert
            type={reconcile.data.findings.length ? 'error' : 'success'}
            showIcon
            message={reconcile.data.findings.length ? t('stores.reconcileFound', { count: reconcile.data.findings.length }) : t('stores.reconcileOk', { compared: n(reconcile.data.compared) } as Record<string, string>)}
            description={formatDateTime(reconcile.data.checkedAt)}
          />
          {reconcile.data.findings.length > 0 && <Table<Finding> size="small" rowKey={(f) => `${f.kind}:${f.eventId}`} dataSource={reconcile.data.findings} pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={findingColumns} />}
        </Space>
      )}

      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('stores.anomaliesTitle')}
      </Typography.Title>
      <Select
        aria-label={t('common.status')}
        allowClear
        value={anomalyStatus}
        onChange={(v) => {
          setAnomalyStatus(v);
          setPage(1);
        }}
        style={{ width: 200 }}
        options={(['open', 'resolved'] as const).map((s) => ({ value: s, label: t(`stores.anomaly_${s}`) }))}
      />
      <ErrorAlert error={anomalies.error} onRetry={() => void anomalies.refetch()} />
      <Table<Anomaly>
        size="small"
        rowKey="id"
        loading={anomalies.isFetching}
        dataSource={anomalies.data?.items ?? []}
        locale={{ emptyText: t('stores.noAnomalies') }}
        pagination={{ current: page, pageSize: 10, total: anomalies.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[{ title: t('history.when'), render: (_: unknown, a: Anomaly) => formatDateTime(a.detectedAt), width: 150 }, ...findingColumns]}
      />
    </Space>
  );
}

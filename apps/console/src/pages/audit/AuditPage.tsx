import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, InputNumber, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, downloadText, type Page } from '../../lib/api';
import { formatDateTime, formatNumber, DATE_INPUT_FORMATS } from '../../lib/format';
import { ErrorAlert, Loading, NotAllowed } from '../../components/common';
import type { MerkleLeaf } from '../../lib/integrity';
import { CheckpointFileCheck, InclusionProofs } from './CheckpointTools';
import { StoreIntegrity } from './StoreIntegrity';
import { AUDITED_CONTEXTS } from './contexts';
import { serverPagination } from '../../lib/listPaging';

interface LedgerEvent {
  eventId: string;
  context: string;
  streamId: string;
  streamVersion: number;
  type: string;
  recordedAt: string;
  who?: { username: string; unit: string };
  unit: string;
  data?: Record<string, unknown>;
  hash?: string;
  reason?: string;
}

interface StreamDiff {
  from: { version: number };
  to: { version: number };
  changes: { op: string; path: string; before?: unknown; after?: unknown }[];
  events: LedgerEvent[];
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function useLedgerColumns(onOpen?: (streamId: string) => void) {
  const { t } = useTranslation();
  return [
    { title: t('history.when'), render: (_: unknown, e: LedgerEvent) => formatDateTime(e.recordedAt), width: 150 },
    { title: t('history.what'), render: (_: unknown, e: LedgerEvent) => t(`event.${e.type}`, { defaultValue: e.type }) },
    {
      title: t('audit.stream'),
      render: (_: unknown, e: LedgerEvent) =>
        onOpen ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(e.streamId)}>
            {e.streamId}
          </Button>
        ) : (
          `${e.streamId} #${e.streamVersion}`
        ),
    },
    { title: t('history.who'), render: (_: unknown, e: LedgerEvent) => (e.who ? `${e.who.username} (${e.who.unit})` : '—') },
    { title: t('common.unit'), dataIndex: 'unit', width: 120 },
  ];
}

async function exportCsv(path: string, query: Record<string, string | undefined>, filename: string) {
  const csv = await api.text('audit', path, { ...query, format: 'csv' });
  downloadText(filename, csv);
}

/** One entity's history: its timeline, its state on a day, what changed between two days, its hash chain. */
function StreamView({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [diffBy, setDiffBy] = useState<'dates' | 'versions'>('dates');
  const [versionInputs, setVersionInputs] = useState<{ from?: number; to?: number }>({});
  const [versions, setVersions] = useState<{ from: number; to: number }>();
  const path = `/audit/streams/${encodeURIComponent(streamId)}`;
  const timeline = useQuery({
    queryKey: ['audit', 'timeline', streamId, page],
    queryFn: () => api.get<Page<LedgerEvent>>('audit', `${path}/timeline`, { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const state = useQuery({
    queryKey: ['audit', 'state', streamId, iso(asOf)],
    enabled: !!asOf,
    queryFn: () => api.get<{ version: number; exists: boolean; state: unknown; lastEvent?: { type: string; recordedAt: string; who: string } }>('audit', `${path}/state`, { asOf: iso(asOf) }),
  });
  const diffQuery = diffBy === 'dates' ? { fromAsOf: iso(range?.[0]), toAsOf: iso(range?.[1]) } : { from: versions?.from, to: versions?.to };
  const diff = useQuery({
    queryKey: ['audit', 'diff', streamId, diffBy, diffQuery],
    enabled: diffBy === 'dates' ? !!range?.[0] && !!range?.[1] : versions !== undefined,
    queryFn: () => api.get<StreamDiff>('audit', `${path}/diff`, diffQuery),
  });
  const verify = useMutation({ mutationFn: () => api.get<{ ok: boolean; ledgerChain: { ok: boolean; events: number; lastHash: string }; anomalies: unknown[] }>('audit', `${path}/verify`) });
  const csv = useMutation({ mutationFn: () => exportCsv(`${path}/timeline`, {}, `${streamId}-timeline.csv`) });
  const columns = useLedgerColumns();
  const short = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v).slice(0, 160));
  return (
    <Card title={<span data-testid="audit-stream">{streamId}</span>} extra={<Button onClick={() => csv.mutate()} loading={csv.isPending}>{t('audit.exportCsv')}</Button>}>
      <ErrorAlert error={csv.error} />
      <Tabs
        items={[
          {
            key: 'timeline',
            label: t('audit.timeline'),
            children: (
              <>
                <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
                <Table<LedgerEvent>
                  size="small"
                  rowKey="eventId"
                  loading={timeline.isFetching}
                  dataSource={timeline.data?.items ?? []}
                  columns={columns}
                  pagination={serverPagination(t, timeline.data, { current: page, pageSize: 20, onChange: setPage })}
                />
              </>
            ),
          },
          {
            key: 'state',
            label: t('audit.stateAsOf'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <DatePicker aria-label={t('audit.asOfDate')} format={DATE_INPUT_FORMATS} value={asOf} onChange={setAsOf} placeholder="dd/mm/yyyy" />
                <ErrorAlert error={state.error} />
                {state.isFetching && <Loading />}
                {state.data && (
                  <>
                    <Descriptions size="small" bordered column={1}>
                      <Descriptions.Item label={t('audit.version')}>{state.data.exists ? state.data.version : t('audit.notYet')}</Descriptions.Item>
                      {state.data.lastEvent && <Descriptions.Item label={t('audit.lastEvent')}>{`${t(`event.${state.data.lastEvent.type}`, { defaultValue: state.data.lastEvent.type })} · ${formatDateTime(state.data.lastEvent.recordedAt)} · ${state.data.lastEvent.who}`}</Descriptions.Item>}
                    </Descriptions>
                    <pre data-testid="audit-state" style={{ maxHeight: 400, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }} tabIndex={0}>
                      {JSON.stringify(state.data.state, null, 2)}
                    </pre>
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'diff',
            label: t('audit.diffTab'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Radio.Group
                  aria-label={t('audit.diffBy')}
                  optionType="button"
                  value={diffBy}
                  onChange={(e) => setDiffBy(e.target.value as 'dates' | 'versions')}
                  options={[
                    { value: 'dates', label: t('audit.diffByDates') },
                    { value: 'versions', label: t('audit.diffByVersions') },
                  ]}
                />
                {diffBy === 'dates' ? (
                  <DatePicker.RangePicker aria-label={t('audit.diff')} format={DATE_INPUT_FORMATS} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
                ) : (
                  <Space wrap>
                    <InputNumber aria-label={t('audit.fromVersion')} addonBefore={t('audit.fromVersion')} min={0} precision={0} value={versionInputs.from} onChange={(v) => setVersionInputs((x) => ({ ...x, from: v ?? undefined }))} />
                    <InputNumber aria-label={t('audit.toVersion')} addonBefore={t('audit.toVersion')} min={0} precision={0} value={versionInputs.to} onChange={(v) => setVersionInputs((x) => ({ ...x, to: v ?? undefined }))} />
                    <Button
                      type="primary"
                      disabled={versionInputs.from === undefined || versionInputs.to === undefined}
                      onClick={() => setVersions({ from: Math.min(versionInputs.from!, versionInputs.to!), to: Math.max(versionInputs.from!, versionInputs.to!) })}
                    >
                      {t('audit.compare')}
                    </Button>
                  </Space>
                )}
                <ErrorAlert error={diff.error} />
                {diff.data && (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.op}:${r.path}`}
                    dataSource={diff.data.changes}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    title={() => t('audit.diffVersions', { from: diff.data!.from.version, to: diff.data!.to.version })}
                    columns={[
                      { title: t('audit.op'), render: (_, r) => t(`audit.op_${r.op}`, { defaultValue: r.op }), width: 100 },
                      { title: t('audit.path'), dataIndex: 'path' },
                      { title: t('audit.before'), render: (_, r) => short(r.before) },
                      { title: t('audit.after'), render: (_, r) => short(r.after) },
                    ]}
                  />
                )}
                {diff.data && diff.data.events.length > 0 && (
                  <Table<LedgerEvent>
                    size="small"
                    rowKey="eventId"
                    dataSource={diff.data.events}
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    title={() => t('audit.eventsBetween', { count: diff.data!.events.length })}
                    columns={[{ title: '#', dataIndex: 'streamVersion', width: 60 }, ...columns, { title: t('history.why'), render: (_: unknown, e: LedgerEvent) => e.reason ?? '—' }]}
                  />
                )}
              </Space>
            ),
          },
          {
            key: 'verify',
            label: t('audit.verify'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button type="primary" onClick={() => verify.mutate()} loading={verify.isPending}>
                  {t('audit.verifyChain')}
                </Button>
                <ErrorAlert error={verify.error} />
                {verify.data && (
                  <Alert
                    data-testid="audit-verify"
                    type={verify.data.ok ? 'success' : 'error'}
                    showIcon
                    message={verify.data.ok ? t('audit.chainOk', { events: verify.data.ledgerChain.events }) : t('audit.chainBroken', { anomalies: verify.data.anomalies.length })}
                    description={`${t('audit.lastHash')}: ${verify.data.ledgerChain.lastHash}`}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

const METRICS = ['pilot-model-enterprises', 'trained-person-times', 'certified-experts'];

/** A context's Merkle checkpoint for a Vietnam day, re-verified by its root; and how a count was reached, event by event. */
function IntegrityAndCounts() {
  const { t, i18n } = useTranslation();
  const [context, setContext] = useState('plans');
  const [day, setDay] = useState<Dayjs | null>(null);
  const [metric, setMetric] = useState(METRICS[0]);
  const [unit, setUnit] = useState('VN');
  const [page, setPage] = useState(1);
  const checkpoint = useQuery({
    queryKey: ['audit', 'checkpoint', context, iso(day)],
    enabled: !!day,
    queryFn: () => api.get<{ root: string; leafCount: number; sealed: boolean; date: string; leaves: MerkleLeaf[] }>('audit', '/audit/checkpoints', { context, date: iso(day) }),
  });
  const verify = useMutation({
    mutationFn: () => api.get<{ intact: boolean; checkpointConsistent: boolean; storedCheckpoint?: string; findings: unknown[]; lateArrivals: unknown[] }>('audit', '/audit/checkpoints/verify', { context, date: iso(day), root: checkpoint.data?.root }),
  });
  const exportJson = useMutation({
    mutationFn: async () => downloadText(`checkpoint-${context}-${iso(day)}.json`, await api.text('audit', '/audit/checkpoints', { context, date: iso(day), format: 'json' }, 'application/json'), 'application/json'),
  });
  const trail = useQuery({
    queryKey: ['audit', 'count-trail', metric, unit, page],
    queryFn: () => api.get<Page<{ eventId: string; type: string; recordedAt: string; who: string; unit: string; subjectId: string; delta: number; runningCount: number }> & { count: number; description: string }>('audit', '/audit/count-trail', { metric, unit: unit || 'VN', page, pageSize: 15 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card>
      <Tabs
        items={[
          {
            key: 'count-trail',
            label: t('audit.countTrail'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select aria-label={t('audit.metric')} value={metric} onChange={(v) => { setMetric(v); setPage(1); }} style={{ width: 300 }} options={METRICS.map((m) => ({ value: m, label: t(`indicator.${m}`) }))} />
                  <Input aria-label={t('audit.unit')} addonBefore={t('audit.unit')} value={unit} onChange={(e) => { setUnit(e.target.value.trim()); setPage(1); }} style={{ width: 220 }} />
                  {trail.data && <Typography.Text strong data-testid="count-trail-total">{t('audit.countNow', { count: formatNumber(trail.data.count, i18n.language) } as Record<string, string>)}</Typography.Text>}
                </Space>
                <ErrorAlert error={trail.error} onRetry={() => void trail.refetch()} />
                <Table
                  size="small"
                  rowKey="eventId"
                  loading={trail.isFetching}
                  dataSource={trail.data?.items ?? []}
                  pagination={{ current: page, pageSize: 15, total: trail.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
                  columns={[
                    { title: t('history.when'), render: (_, e) => formatDateTime(e.recordedAt), width: 150 },
                    { title: t('history.what'), render: (_, e) => t(`event.${e.type}`, { defaultValue: e.type }) },
                    { title: t('history.who'), dataIndex: 'who' },
                    { title: t('common.unit'), dataIndex: 'unit' },
                    { title: t('audit.delta'), render: (_, e) => (e.delta > 0 ? `+${e.delta}` : String(e.delta)), width: 70 },
                    { title: t('audit.running'), dataIndex: 'runningCount', width: 90 },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'checkpoint',
            label: t('audit.checkpoint'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select aria-label={t('audit.context')} value={context} onChange={setContext} style={{ width: 200 }} options={AUDITED_CONTEXTS.map((c) => ({ value: c, label: c }))} />
                  <DatePicker aria-label={t('audit.day')} format={DATE_INPUT_FORMATS} value={day} onChange={setDay} placeholder="dd/mm/yyyy" />
                </Space>
                <ErrorAlert error={checkpoint.error ?? exportJson.error} />
                {checkpoint.data && (
                  <>
                    <Descriptions size="small" bordered column={1}>
                      <Descriptions.Item label={t('audit.root')}>
                        <Typography.Text code copyable>
                          {checkpoint.data.root}
                        </Typography.Text>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('audit.leaves')}>{formatNumber(checkpoint.data.leafCount, i18n.language)}</Descriptions.Item>
                      <Descriptions.Item label={t('audit.sealed')}>{checkpoint.data.sealed ? t('audit.yes') : t('audit.notSealed')}</Descriptions.Item>
                    </Descriptions>
                    <Space>
                      <Button type="primary" onClick={() => verify.mutate()} loading={verify.isPending}>
                        {t('audit.verifyCheckpoint')}
                      </Button>
                      <Button onClick={() => exportJson.mutate()} loading={exportJson.isPending}>
                        {t('audit.exportJson')}
                      </Button>
                    </Space>
                    <ErrorAlert error={verify.error} />
                    {verify.data && (
                      <Alert
                        type={verify.data.intact ? 'success' : 'warning'}
                        showIcon
                        message={verify.data.intact ? t('audit.checkpointIntact') : t('audit.checkpointNotIntact', { findings: verify.data.findings.length })}
                        description={verify.data.storedCheckpoint === 'missing' ? t('audit.noStoredCheckpoint') : undefined}
                      />
                    )}
                    <InclusionProofs key={`${context}:${iso(day)}`} context={context} date={iso(day)!} root={checkpoint.data.root} leaves={checkpoint.data.leaves ?? []} />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'checkpoint-file',
            label: t('checkpoints.fileTab'),
            children: <CheckpointFileCheck />,
          },
          {
            key: 'stores',
            label: t('stores.tab'),
            children: <StoreIntegrity />,
          },
        ]}
      />
    </Card>
  );
}

/** Auditors: find any entity from the changes in a unit or a user's activity, then replay it. */
export function AuditPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [unit, setUnit] = useState('VN');
  const [username, setUsername] = useState('');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [streamInput, setStreamInput] = useState('');
  const [streamId, setStreamId] = useState<string>();
  const source = username ? `/audit/users/${encodeURIComponent(username)}/activity` : `/audit/units/${encodeURIComponent(unit || 'VN')}/changes`;
  const query = { from: iso(period?.[0]), to: iso(period?.[1]) };
  const changes = useQuery({
    queryKey: ['audit', 'changes', source, query.from, query.to, page],
    enabled: hasRole(principal, 'auditor'),
    queryFn: () => api.get<Page<LedgerEvent>>('audit', source, { ...query, page, pageSize: 15 }),
    placeholderData: keepPreviousData,
  });
  const csv = useMutation({ mutationFn: () => exportCsv(source, query, username ? `${username}-activity.csv` : `${unit}-changes.csv`) });
  const columns = useLedgerColumns((id) => {
    setStreamId(id);
    setStreamInput(id);
  });
  if (!hasRole(principal, 'auditor')) return <NotAllowed />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.audit')}
      </Typography.Title>
      <Card title={t('audit.find')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('audit.streamId')}
            placeholder={t('audit.streamIdPlaceholder')}
            enterButton={t('audit.open')}
            value={streamInput}
            onChange={(e) => setStreamInput(e.target.value)}
            onSearch={(v) => v.trim() && setStreamId(v.trim())}
            style={{ width: 460 }}
          />
        </Space>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input aria-label={t('audit.unit')} addonBefore={t('audit.unit')} value={unit} onChange={(e) => { setUnit(e.target.value); setPage(1); }} style={{ width: 220 }} />
          <Input aria-label={t('audit.user')} addonBefore={t('audit.user')} placeholder="qn.council" value={username} onChange={(e) => { setUsername(e.target.value.trim()); setPage(1); }} style={{ width: 260 }} allowClear />
          <DatePicker.RangePicker aria-label={t('audit.period')} format={DATE_INPUT_FORMATS} value={period} onChange={(v) => { setPeriod(v as [Dayjs | null, Dayjs | null] | null); setPage(1); }} />
          <Button onClick={() => csv.mutate()} loading={csv.isPending}>
            {t('audit.exportCsv')}
          </Button>
        </Space>
        <ErrorAlert error={changes.error ?? csv.error} onRetry={() => void changes.refetch()} />
        <Table<LedgerEvent>
          size="small"
          rowKey="eventId"
          loading={changes.isFetching}
          dataSource={changes.data?.items ?? []}
          columns={columns}
          pagination={serverPagination(t, changes.data, { current: page, pageSize: 15, onChange: setPage, showSizeChanger: false })}
        />
      </Card>
      {streamId && <StreamView key={streamId} streamId={streamId} />}
      <IntegrityAndCounts />
    </Space>
  );
}

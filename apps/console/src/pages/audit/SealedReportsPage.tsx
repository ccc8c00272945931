import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Space, Table, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, downloadText, type Page } from '../../lib/api';
import { DATE_INPUT_FORMATS, formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../lib/format';
import { checkReportSeal, type ReportCheck } from '../../lib/integrity';
import type { PlanSummary } from '../../lib/types';
import { ErrorAlert, Loading, NotAllowed } from '../../components/common';
import { FormSelect } from '../../components/FormSelect';
import { JsonFileCheck } from '../../components/JsonFileCheck';
import { sealedReportHtml, shortValue, type SealedReport } from './sealedReport';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Opens HTML in a new window to print (the token never leaves this page). */
function openHtml(html: string) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function SealAlert({ check, testId }: { check: ReportCheck; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid={testId}
      type={check.valid ? 'success' : 'error'}
      showIcon
      message={check.valid ? t('sealed.sealOk') : t('sealed.sealBroken')}
      description={
        <>
          <div>
            {t('sealed.claimed')}: <Typography.Text code>{check.claimed ?? '—'}</Typography.Text>
          </div>
          <div>
            {t('sealed.computed')}: <Typography.Text code>{check.computed}</Typography.Text>
          </div>
        </>
      }
    />
  );
}

/** A report read: who made it and when, the seal re-checked in the browser, what changed, the events, the counts and anomalies. */
export function SealedReportView({ report, onPrint }: { report: SealedReport; onPrint?: (html: string) => void }) {
  const { t, i18n } = useTranslation();
  const seal = useQuery({ queryKey: ['sealed-report-check', report.integrity.sha256, report.generatedAt], queryFn: () => checkReportSeal(report as unknown as Record<string, unknown>) });
  const n = (v: number) => formatNumber(v, i18n.language);
  const print = () => (onPrint ?? openHtml)(sealedReportHtml(report, t, i18n.language, seal.data?.valid));
  return (
    <Card
      title={<span data-testid="sealed-report-title">{`${report.plan.documentNumber ?? report.plan.planId} — ${formatDate(report.period.from)} – ${formatDate(report.period.to)}`}</span>}
      extra={
        <Space>
          <Button type="primary" onClick={print}>
            {t('sealed.print')}
          </Button>
          <Button onClick={() => downloadText(`audit-report-${report.plan.planId}-${report.period.from}-${report.period.to}.json`, JSON.stringify(report, null, 2), 'application/json')}>{t('audit.exportJson')}</Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('plans.title')}>{report.plan.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('sealed.unit')}>{report.plan.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('sealed.generated')}>{`${formatDateTime(report.generatedAt)}${report.generatedBy ? ` — ${report.generatedBy.username}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('sealed.versions')}>{`${report.stateAtStart?.version ?? 0} → ${report.stateAtEnd?.version ?? 0}`}</Descriptions.Item>
          <Descriptions.Item label={t('sealed.seal')} span={2}>
            <Typography.Text code copyable>
              {report.integrity.sha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {seal.data ? <SealAlert check={seal.data} testId="sealed-report-seal" /> : <Loading label={t('sealed.checking')} />}
        <Tabs
          items={[
            {
              key: 'changes',
              label: `${t('sealed.changes')} (${report.changes.length})`,
              children: (
                <Table
                  size="small"
                  rowKey={(r) => `${r.op}:${r.path}`}
                  dataSource={report.changes}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: t('audit.op'), render: (_, r) => t(`audit.op_${r.op}`), width: 90 },
                    { title: t('audit.path'), dataIndex: 'path' },
                    { title: t('audit.before'), render: (_, r) => shortValue(r.before, 160) },
                    { title: t('audit.after'), render: (_, r) => shortValue(r.after, 160) },
                  ]}
                />
              ),
            },
            {
              key: 'events',
              label: `${t('sealed.events')} (${report.events.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="eventId"
                  dataSource={report.events}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: '#', dataIndex: 'streamVersion', width: 60 },
                    { title: t('history.when'), render: (_, e) => formatDateTime(e.recordedAt), width: 150 },
                    { title: t('history.what'), render: (_, e) => t(`event.${e.type}`, { defaultValue: e.type }) },
                    { title: t('history.who'), render: (_, e) => `${e.who.username} (${e.who.unit})` },
                    { title: t('history.why'), render: (_, e) => e.reason ?? '—' },
                  ]}
                />
              ),
            },
            {
              key: 'metrics',
              label: t('sealed.metrics'),
              children: (
                <Table
                  size="small"
                  rowKey="metric"
                  dataSource={report.metrics}
                  pagination={false}
                  columns={[
                    { title: t('audit.metric'), render: (_, m) => t(`indicator.${m.metric}`, { defaultValue: m.metric }) },
                    { title: t('sealed.atStart'), render: (_, m) => n(m.countAtStart), width: 110 },
                    { title: t('sealed.atEnd'), render: (_, m) => n(m.countAtEnd), width: 110 },
                    { title: t('sealed.steps'), render: (_, m) => n(m.steps.length), width: 110 },
                  ]}
                />
              ),
            },
            {
              key: 'anomalies',
              label: `${t('sealed.anomalies')} (${report.anomalies.length})`,
              children: report.anomalies.length ? (
                <Table size="small" rowKey="eventId" dataSource={report.anomalies} pagination={false} columns={[{ title: t('sealed.kind'), dataIndex: 'kind', width: 180 }, { title: '#', dataIndex: 'streamVersion', width: 60 }, { title: t('sealed.detail'), dataIndex: 'detail' }]} />
              ) : (
                <Typography.Text>{t('sealed.noAnomalies')}</Typography.Text>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

/** A report file someone handed over: its seal recomputed here, and by the audit service (which anyone may ask). */
function CheckReportFile() {
  const { t } = useTranslation();
  return (
    <Card title={t('sealed.checkFile')}>
      <JsonFileCheck
        help={t('sealed.checkFileHelp')}
        check={async (report) => {
          const [browser, server] = await Promise.all([checkReportSeal(report), api.post<{ valid: boolean; reason?: string }>('audit', '/audit/reports/verify', report)]);
          return { browser, server };
        }}
      >
        {(result) => (
          <>
            <SealAlert check={result.browser} testId="report-file-check" />
            <Typography.Text data-testid="report-file-server">
              {result.server.valid ? t('sealed.serverAgrees') : t('sealed.serverDisagrees', { reason: result.server.reason ?? '' })}
            </Typography.Text>
          </>
        )}
      </JsonFileCheck>
    </Card>
  );
}

/** Auditors: the sealed audit report of a plan for a period — read it, print it, export it, and check a report file. */
export function SealedReportsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const planId = params.get('planId') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const auditor = hasRole(principal, 'auditor');
  const plans = useQuery({ queryKey: ['plans', 'sealed-report-choice', search], enabled: auditor, queryFn: () => api.get<Page<PlanSummary>>('plans', '/plans', { q: search || undefined, pageSize: 20 }) });
  const report = useQuery({
    queryKey: ['sealed-report', planId, from, to],
    enabled: auditor && !!planId && !!from && !!to,
    queryFn: () => api.get<SealedReport>('audit', '/audit/reports/plan', { planId, from, to }),
    staleTime: Infinity,
  });
  if (!auditor) return <NotAllowed />;
  const year = todayInVietnam().slice(0, 4);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.auditReports')}
      </Typography.Title>
      <Card title={t('sealed.make')}>
        <Typography.Paragraph type="secondary">{t('sealed.makeHelp')}</Typography.Paragraph>
        <Form
          layout="inline"
          initialValues={{ planId, range: [dayjs(from ?? `${year}-01-01`), dayjs(to ?? todayInVietnam())] }}
          onFinish={(v: { planId: string; range: [Dayjs, Dayjs] }) => setParams({ planId: v.planId, from: iso(v.range[0])!, to: iso(v.range[1])! })}
        >
          <Form.Item name="planId" label={t('reporting.plan')} rules={[{ required: true, message: t('common.required') }]}>
            <FormSelect
              style={{ width: 420 }}
              filterOption={false}
              onSearch={setSearch}
              loading={plans.isFetching}
              notFoundContent={t('common.empty')}
              options={(plans.data?.items ?? []).map((p) => ({ value: p.planId, label: `${p.documentNumber ?? p.planId} — ${p.title}` }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.period')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker format={DATE_INPUT_FORMATS} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={report.isFetching}>
              {t('sealed.makeButton')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      {report.isFetching && <Loading label={t('sealed.making')} />}
      {report.data && <SealedReportView report={report.data} />}
      <CheckReportFile />
    </Space>
  );
}

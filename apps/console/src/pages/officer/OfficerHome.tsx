import { useState } from 'react';
import { Badge, Button, Card, Col, Drawer, Form, Input, InputNumber, Progress, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/ExportButtons';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { api, type Page } from '../../lib/api';
import { formatDateTime, formatNumber, todayInVietnam } from '../../lib/format';
import type { IndicatorProgress, PlanProgress, PlanSummary, Registration, TargetProgress } from '../../lib/types';
import { EmptyState, ErrorAlert, Loading, StatusTag } from '../../components/common';
import { YearChart } from '../../components/YearChart';
import { buildUnitTree } from '../../lib/unitTree';
import { ActionForm } from '../../components/ActionForm';
import { useMayEditPlan } from '../plans/PlanAuthoring';

export const HOME_INDICATORS = ['pilot-model-enterprises', 'trained-person-times', 'certified-experts'] as const;
const FIRST_YEAR = 2023;

/** The officer's unit at a glance: this year's counts, the plans in force and their targets, pending work. */
export function OfficerHome() {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const unit = principal!.unit;
  const year = Number(todayInVietnam().slice(0, 4));
  const [indicator, setIndicator] = useState<string>(HOME_INDICATORS[0]);

  const counts = useQueries({
    queries: HOME_INDICATORS.map((ind) => ({
      queryKey: ['progress', unit, ind, year],
      queryFn: () => api.get<IndicatorProgress>('plans', '/progress', { unit, indicator: ind, year }),
    })),
  });
  const years = Array.from({ length: year - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const byYear = useQueries({
    queries: years.map((y) => ({
      queryKey: ['progress', unit, indicator, y],
      queryFn: () => api.get<IndicatorProgress>('plans', '/progress', { unit, indicator, year: y }),
    })),
  });
  const pending = useQuery({
    queryKey: ['registrations', 'pending', unit],
    queryFn: () => api.get<Page<Registration>>('support-programs', '/registrations', { unit, status: 'submitted', pageSize: 1 }),
  });
  const underReview = useQuery({
    queryKey: ['registrations', 'under-review', unit],
    queryFn: () => api.get<Page<Registration>>('support-programs', '/registrations', { unit, status: 'under-review', pageSize: 1 }),
  });
  const periods = useQuery({
    queryKey: ['reporting-periods', unit, year],
    queryFn: () => api.get<Page<{ periodId: string; status: string }>>('plans', '/reporting-periods', { unit, year, pageSize: 50 }),
  });

  const lang = i18n.language;
  const current = counts.find((_, i) => HOME_INDICATORS[i] === indicator)?.data;
  const tree = current ? buildUnitTree(current.byUnit) : [];
  const dueReports = (periods.data?.items ?? []).filter((p) => p.status === 'open' || p.status === 'returned').length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('home.title', { unit: counts[0]?.data?.unitName ?? unit })}
      </Typography.Title>
      <section aria-labelledby="this-year">
        <Typography.Title level={2} id="this-year" style={{ fontSize: 18 }}>
          {t('home.thisYear', { year })}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {HOME_INDICATORS.map((ind, i) => (
            <Col xs={24} md={8} key={ind}>
              <Card hoverable onClick={() => setIndicator(ind)} style={ind === indicator ? { borderColor: '#0b5394' } : undefined}>
                {counts[i].error ? (
                  <ErrorAlert error={counts[i].error} />
                ) : (
                  <Statistic
                    title={t(`indicator.${ind}`)}
                    loading={counts[i].isLoading}
                    value={counts[i].data ? formatNumber(counts[i].data!.actual, lang) : '—'}
                    valueRender={(node) => <span data-testid={`indicator-${ind}`}>{node}</span>}
                  />
                )}
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.byYear', { indicator: t(`indicator.${indicator}`) })}>
            {byYear.some((q) => q.isLoading) ? (
              <Loading />
            ) : (
              <YearChart
                title=""
                ariaLabel={t('home.chartLabel', { indicator: t(`indicator.${indicator}`) })}
                years={years}
                actual={byYear.map((q) => q.data?.actual ?? 0)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.bySubUnit')}>
            {tree.length === 0 ? (
              <EmptyState description={t('home.noSubUnitCounts')} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={tree}
                expandable={{ defaultExpandAllRows: true }}
                columns={[
                  { title: t('common.unit'), dataIndex: 'unitName', render: (v: string, r) => v ?? r.unit },
                  { title: t('common.count'), dataIndex: 'actual', align: 'right', render: (v: number) => formatNumber(v, lang) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('home.pending')}>
        <Space size="large" wrap>
          <Link to="/registrations?status=submitted">
            <Badge count={pending.data?.total ?? 0} showZero color={pending.data?.total ? '#ad4e00' : '#595959'} /> {t('home.registrationsToReview')}
          </Link>
          <Link to="/registrations?status=under-review">
            <Badge count={underReview.data?.total ?? 0} showZero color={underReview.data?.total ? '#0b5394' : '#595959'} /> {t('home.registrationsUnderReview')}
          </Link>
          <Link to="/reporting">
            <Badge count={dueReports} showZero color={dueReports ? '#ad4e00' : '#595959'} /> {t('home.reportsDue')}
          </Link>
        </Space>
      </Card>
      <PlansInForce unit={unit} />
    </Space>
  );
}

/**
 * Plans that bind the unit: its own and its sub-units' (drafts included; the API's unit filter also
 * follows merged units, e.g. Ninh Thuận 58 into Khánh Hòa 56), and the issued plans of the units above it.
 */
const IN_FORCE = ['issued', 'amended'];

export function plansForUnit(own: readonly PlanSummary[], aboveByUnit: Record<string, readonly PlanSummary[]>): PlanSummary[] {
  const seen = new Set<string>();
  const out: PlanSummary[] = [];
  const add = (p: PlanSummary) => {
    if (p.status === 'closed' || seen.has(p.planId)) return;
    seen.add(p.planId);
    out.push(p);
  };
  own.forEach(add);
  for (const [ancestor, plans] of Object.entries(aboveByUnit)) plans.filter((p) => IN_FORCE.includes(p.status) && !p.issuingUnit.startsWith(`${ancestor}-`)).forEach(add);
  return out;
}

function PlansInForce({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const unitInfo = useQuery({ queryKey: ['unit', unit], queryFn: () => api.get<{ code: string; ancestors: string[] }>('plans', `/units/${encodeURIComponent(unit)}`) });
  const own = useQuery({ queryKey: ['plans', 'unit', unit], queryFn: () => api.get<Page<PlanSummary>>('plans', '/plans', { unit, pageSize: 50 }) });
  const ancestors = (unitInfo.data?.ancestors ?? []).filter((a) => a !== 'VN');
  const above = useQueries({
    queries: ancestors.map((a) => ({ queryKey: ['plans', 'unit', a], queryFn: () => api.get<Page<PlanSummary>>('plans', '/plans', { unit: a, pageSize: 100 }) })),
  });
  const [selected, setSelected] = useState<string>();
  const mine = plansForUnit(own.data?.items ?? [], Object.fromEntries(ancestors.map((a, i) => [a, above[i]?.data?.items ?? []])));
  const withTargets = mine.filter((p) => p.targets > 0);
  const planId = selected ?? withTargets.find((p) => IN_FORCE.includes(p.status))?.planId ?? withTargets[0]?.planId ?? mine[0]?.planId;
  if (own.isLoading || unitInfo.isLoading || above.some((q) => q.isLoading)) return <Loading />;
  const error = own.error ?? unitInfo.error ?? above.find((q) => q.error)?.error;
  if (error) return <ErrorAlert error={error} onRetry={() => void own.refetch()} />;
  if (!mine.length) return <EmptyState description={t('home.noPlans')} />;
  return (
    <Card
      title={t('home.plansInForce')}
      extra={
        <Select
          aria-label={t('home.choosePlan')}
          style={{ minWidth: 280 }}
          value={planId}
          onChange={setSelected}
          options={mine.map((p) => ({ value: p.planId, label: `${p.documentNumber ?? t('plans.noNumber')} — ${p.issuingUnitName ?? p.issuingUnit} (${t(`status.${p.status}`)})` }))}
        />
      }
    >
      {planId && <TargetProgressTable planId={planId} />}
    </Card>
  );
}

interface ContributionRow {
  eventId: string;
  kind: string;
  /** The event's type as the plans service names it (ContributionView.type). */
  type?: string;
  eventType?: string;
  unit: string;
  occurredAt: string;
  subjectId: string;
  refId?: string;
  actor?: { username: string; unit: string };
}

/** From a count to the facts behind it: the events that make up a target's actual value, paged on the server. */
function ContributionsDrawer({ planId, target, onClose }: { planId: string; target: TargetProgress; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['contributions', planId, target.targetId, page],
    queryFn: () => api.get<Page<ContributionRow>>('plans', `/plans/${encodeURIComponent(planId)}/progress/${encodeURIComponent(target.targetId)}/contributions`, { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Drawer open width={760} onClose={onClose} title={`${t('contributions.title')} — ${i18n.language === 'en' ? target.label.en : target.label.vi}`}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<ContributionRow>
        size="small"
        rowKey="eventId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('history.when'), render: (_, c) => formatDateTime(c.occurredAt), width: 150 },
          { title: t('contributions.kind'), render: (_, c) => t(`event.${c.type ?? c.eventType}`, { defaultValue: c.type ?? c.eventType ?? c.kind }) },
          { title: t('common.unit'), dataIndex: 'unit', width: 130 },
          { title: t('contributions.subject'), dataIndex: 'subjectId' },
          { title: t('contributions.ref'), render: (_, c) => c.refId ?? '—' },
          { title: t('history.who'), render: (_, c) => c.actor?.username ?? '—' },
        ]}
      />
    </Drawer>
  );
}

export function TargetProgressTable({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const progress = useQuery({ queryKey: ['plan-progress', planId], queryFn: () => api.get<PlanProgress>('plans', `/plans/${encodeURIComponent(planId)}/progress`) });
  const [facts, setFacts] = useState<TargetProgress>();
  const queryClient = useQueryClient();
  const mayEdit = useMayEditPlan(progress.data?.issuingUnit ?? '');
  if (progress.isLoading) return <Loading />;
  if (progress.error) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  const rows = progress.data?.targets ?? [];
  if (!rows.length) return <EmptyState description={t('plans.noTargets')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        <Link to={`/plans/${encodeURIComponent(planId)}`}>{progress.data!.title}</Link> · {t('home.asOf', { date: progress.data!.asOfDisplay })}
      </Typography.Paragraph>
      <ExportButtons service="plans" path={`/plans/${encodeURIComponent(planId)}/progress/export`} name="tien-do-chi-tieu" />
      <Table<TargetProgress>
        size="small"
        rowKey="targetId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('plans.target'), render: (_, r) => (lang === 'en' ? r.label.en : r.label.vi) },
          { title: t('plans.milestone'), dataIndex: 'milestoneYear', width: 90 },
          { title: t('progress.required'), align: 'right', render: (_, r) => formatNumber(r.required, lang) },
          { title: t('progress.expectedByNow'), align: 'right', render: (_, r) => formatNumber(r.expectedByNow, lang, 1) },
          {
            title: t('progress.actual'),
            align: 'right',
            render: (_, r) =>
              r.source === 'counted' && typeof r.actual === 'number' ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setFacts(r)} aria-label={t('contributions.show', { count: formatNumber(r.actual, lang) } as Record<string, string>)}>
                  {formatNumber(r.actual, lang)}
                </Button>
              ) : (
                formatNumber(r.actual, lang)
              ),
          },
          {
            title: t('progress.progress'),
            width: 160,
            render: (_, r) =>
              typeof r.required === 'number' && r.required > 0 && typeof r.actual === 'number' ? (
                <Progress
                  percent={Math.min(100, Math.round((r.actual / r.required) * 100))}
                  size="small"
                  status={r.status === 'missed' ? 'exception' : r.status === 'achieved' || r.status === 'met' ? 'success' : 'normal'}
                  aria-label={t('progress.progress')}
                />
              ) : (
                '—'
              ),
          },
          {
            title: '',
            width: 130,
            render: (_, r) =>
              r.source === 'reported' && mayEdit ? (
                <ActionForm<{ value: number; year: number; source: string }>
                  label={t('progress.enterStatistic')}
                  doneMessage={t('progress.statisticRecorded')}
                  initialValues={{ year: r.milestoneYear }}
                  send={(body) => api.post('plans', `/plans/${encodeURIComponent(planId)}/targets/${encodeURIComponent(r.targetId)}/reported-values`, body)}
                  onDone={() => queryClient.invalidateQueries({ queryKey: ['plan-progress', planId] })}
                  toBody={(v) => ({ value: v.value, year: v.year, source: v.source.trim() })}
                >
                  <Typography.Paragraph strong>{lang === 'en' ? r.label.en : r.label.vi}</Typography.Paragraph>
                  <Form.Item name="value" label={t('progress.statistic')} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber decimalSeparator="," style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name="year" label={t('reporting.year')} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={2020} max={2035} />
                  </Form.Item>
                  <Form.Item name="source" label={t('progress.statisticSource')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input placeholder="Cục Thống kê tỉnh" />
                  </Form.Item>
                </ActionForm>
              ) : null,
          },
          {
            title: t('progress.status'),
            render: (_, r) => (
              <Tooltip title={r.reason}>
                <span>
                  <StatusTag status={r.status} />
                </span>
              </Tooltip>
            ),
          },
        ]}
      />
      {facts && <ContributionsDrawer planId={planId} target={facts} onClose={() => setFacts(undefined)} />}
    </>
  );
}

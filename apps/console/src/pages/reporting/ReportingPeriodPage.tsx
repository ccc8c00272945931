import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, isOfficer, type Principal } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { LocalText } from '../../lib/types';
import { ErrorAlert, Loading, NotAllowed, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { HistoryTable } from '../../components/HistoryTable';
import { toHistoryEntries } from '../../lib/history';
import { openPrintable, periodActions } from './ReportingPage';

export interface PeriodFigure {
  targetId: string;
  indicator: string;
  label: LocalText;
  unitOfMeasure: string;
  milestoneYear: number;
  required?: number;
  actual?: number;
  planActual?: number;
  periodActual?: number;
  status: string;
  source: 'counted' | 'reported';
  eventIds: string[];
}

export interface ReportingPeriodDetail {
  periodId: string;
  planId: string;
  plan: { documentNumber?: string; title: string; issuingUnit: string };
  unit: string;
  unitName: string;
  year: number;
  status: string;
  display: { periodStart: string; periodEnd: string; dueDate: string };
  locked: boolean;
  submitted?: { submission: number; submittedBy: string; submittedAt: string; late: boolean; summary?: string; figures: PeriodFigure[] };
  approvedAt?: string;
  returns: { reason: string; returnedAt: string; returnedBy: string }[];
  exceptionEventIds: string[];
  current: { asOf: string; figures: PeriodFigure[]; lateEventIds: string[]; carriedInEventIds: string[] };
  history: { type: string; recordedAt: string; actor: { username: string; unit: string }; reason?: string }[];
}

interface Contribution {
  eventId: string;
  type: string;
  unit: string;
  unitName?: string;
  occurredAt: string;
  recordedAt: string;
  subjectId: string;
  refId?: string;
}

/**
 * Who may let late facts count in a locked period: a province administrator of the province the
 * period's unit lies in, while the report is submitted (locked) and not yet approved.
 */
export function mayGrantLateException(period: Pick<ReportingPeriodDetail, 'status' | 'unit'>, p: Principal | undefined): boolean {
  if (!p || !hasRole(p, 'province-admin')) return false;
  const isProvince = p.unit !== 'VN' && !p.unit.includes('-');
  const within = period.unit === p.unit || period.unit.startsWith(`${p.unit}-`);
  return isProvince && within && period.status === 'submitted';
}

const MAX_PAGES = 10;

/** The facts behind the late event ids: the plan's contributions (what happened, where, when it happened and when it was recorded). */
async function contributionsById(period: ReportingPeriodDetail): Promise<Record<string, Contribution>> {
  const byId: Record<string, Contribution> = {};
  const wanted = new Set([...period.current.lateEventIds, ...period.exceptionEventIds]);
  if (wanted.size === 0) return byId;
  const unit = period.unit === period.plan.issuingUnit ? undefined : period.unit;
  for (const figure of period.current.figures.filter((f) => f.source === 'counted')) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await api.get<Page<Contribution>>('plans', `/plans/${encodeURIComponent(period.planId)}/progress/${encodeURIComponent(figure.targetId)}/contributions`, { unit, page, pageSize: 100 });
      for (const c of answer.items) if (wanted.has(c.eventId)) byId[c.eventId] = c;
      if (page * answer.pageSize >= answer.total || Object.keys(byId).length === wanted.size) break;
    }
  }
  return byId;
}

function FiguresTable({ figures, caption }: { figures: PeriodFigure[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | undefined) => formatNumber(v, i18n.language);
  return (
    <Table<PeriodFigure>
      size="small"
      rowKey="targetId"
      pagination={false}
      dataSource={figures}
      title={() => caption}
      columns={[
        { title: t('plans.target'), render: (_, f) => (i18n.language === 'en' ? f.label.en : f.label.vi) },
        { title: t('plans.milestone'), dataIndex: 'milestoneYear', width: 90 },
        { title: t('period.periodActual'), render: (_, f) => (f.source === 'counted' ? n(f.periodActual) : '—'), width: 110 },
        { title: t('period.actual'), render: (_, f) => n(f.actual), width: 110 },
        { title: t('period.required'), render: (_, f) => n(f.required), width: 110 },
        { title: t('common.status'), render: (_, f) => <StatusTag status={f.status} />, width: 140 },
      ]}
    />
  );
}

/** The province lets chosen late facts count in this locked period; each choice and its reason are kept in the period's history. */
function LateFacts({ period }: { period: ReportingPeriodDetail }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const facts = useQuery({ queryKey: ['reporting-period', period.periodId, 'late-facts', period.current.lateEventIds.join(), period.exceptionEventIds.join()], queryFn: () => contributionsById(period) });
  const late = period.current.lateEventIds;
  const mayGrant = mayGrantLateException(period, principal);
  const describe = (id: string) => {
    const c = facts.data?.[id];
    return c ? t('period.factLine', { what: t(`event.${c.type}`, { defaultValue: c.type }), unit: c.unitName ?? c.unit, occurred: formatDateTime(c.occurredAt), recorded: formatDateTime(c.recordedAt), subject: c.subjectId }) : id;
  };
  return (
    <Card size="small" title={t('period.lateFacts')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('period.lateHelp')}
        </Typography.Paragraph>
        <ErrorAlert error={facts.error} />
        {late.length === 0 ? (
          <Typography.Text data-testid="no-late-facts">{t('period.noLateFacts')}</Typography.Text>
        ) : (
          <ul data-testid="late-facts" style={{ margin: 0, paddingLeft: 20 }}>
            {late.map((id) => (
              <li key={id}>
                {describe(id)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({id})</Typography.Text>
              </li>
            ))}
          </ul>
        )}
        {period.exceptionEventIds.length > 0 && (
          <>
            <Typography.Text strong>{t('period.exceptions')}</Typography.Text>
            <ul data-testid="exception-facts" style={{ margin: 0, paddingLeft: 20 }}>
              {period.exceptionEventIds.map((id) => (
                <li key={id}>{describe(id)}</li>
              ))}
            </ul>
          </>
        )}
        {mayGrant && late.length > 0 && (
          <ActionForm<{ eventIds: string[]; reason: string }>
            primary
            label={t('period.grant')}
            doneMessage={t('period.granted')}
            initialValues={{ eventIds: late }}
            send={(body) => api.post('plans', `/reporting-periods/${encodeURIComponent(period.periodId)}/late-exception`, body)}
            onDone={() => queryClient.invalidateQueries({ queryKey: ['reporting-period', period.periodId] })}
            toBody={(v) => ({ eventIds: v.eventIds, reason: v.reason.trim() })}
          >
            <Typography.Paragraph>{t('period.grantHelp', { unit: period.unitName, year: period.year })}</Typography.Paragraph>
            <Form.Item name="eventIds" label={t('period.whichFacts')} rules={[{ required: true, type: 'array', min: 1, message: t('period.chooseOne') }]}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={late.map((id) => ({ value: id, label: describe(id) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </ActionForm>
        )}
        {!mayGrant && late.length > 0 && hasRole(principal, 'province-admin') && period.status !== 'submitted' && <Alert type="info" showIcon message={t('period.grantOnlySubmitted')} />}
      </Space>
    </Card>
  );
}

/** One reporting period: its frozen report, today's figures, the facts recorded after it was locked, returns, history, the printable report. */
export function ReportingPeriodPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const { periodId = '' } = useParams();
  const period = useQuery({
    queryKey: ['reporting-period', periodId],
    enabled: isOfficer(principal) || hasRole(principal, 'auditor'),
    queryFn: () => api.get<ReportingPeriodDetail>('plans', `/reporting-periods/${encodeURIComponent(periodId)}`),
  });
  const printable = useMutation({ mutationFn: (lang: string) => openPrintable(periodId, lang) });
  if (!isOfficer(principal) && !hasRole(principal, 'auditor')) return <NotAllowed />;
  if (period.isLoading) return <Loading />;
  if (period.error) return <ErrorAlert error={period.error} onRetry={() => void period.refetch()} />;
  const p = period.data!;
  const actions = periodActions(p, principal);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/reporting">← {t('nav.reporting')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('period.title', { unit: p.unitName, year: p.year })} <span data-testid="period-status"><StatusTag status={p.status} /></span>
        {p.submitted?.late ? <StatusTag status="late" /> : null}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('reporting.plan')}>{`${p.plan.documentNumber ?? p.planId} — ${p.plan.title}`}</Descriptions.Item>
        <Descriptions.Item label={t('period.span')}>{`${p.display.periodStart} – ${p.display.periodEnd}`}</Descriptions.Item>
        <Descriptions.Item label={t('reporting.due')}>{p.display.dueDate}</Descriptions.Item>
        <Descriptions.Item label={t('period.locked')}>{p.locked ? t('period.lockedYes', { at: formatDateTime(p.submitted?.submittedAt) }) : t('period.lockedNo')}</Descriptions.Item>
        {p.submitted && <Descriptions.Item label={t('period.submittedBy')}>{`${p.submitted.submittedBy} · ${formatDateTime(p.submitted.submittedAt)} (${t('period.submissionNo', { n: p.submitted.submission })})`}</Descriptions.Item>}
        {p.approvedAt && <Descriptions.Item label={t('status.approved')}>{formatDateTime(p.approvedAt)}</Descriptions.Item>}
        {p.submitted?.summary && <Descriptions.Item label={t('reporting.summary')} span={2}>{p.submitted.summary}</Descriptions.Item>}
      </Descriptions>
      <Space wrap>
        <Button onClick={() => printable.mutate(i18n.language)} loading={printable.isPending}>
          {t('reporting.print')}
        </Button>
        <Button onClick={() => printable.mutate(i18n.language === 'en' ? 'vi' : 'en')}>{i18n.language === 'en' ? t('period.printVi') : t('period.printEn')}</Button>
        {actions.length > 0 && (
          <Typography.Text type="secondary">
            <Link to="/reporting">{t('period.actOnList')}</Link>
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert error={printable.error} />
      {p.returns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('period.returns', { count: p.returns.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {p.returns.map((r) => (
                <li key={r.returnedAt}>{`${formatDateTime(r.returnedAt)}: ${r.reason}`}</li>
              ))}
            </ul>
          }
        />
      )}
      {p.submitted && <FiguresTable figures={p.submitted.figures} caption={t('period.frozenFigures')} />}
      <FiguresTable figures={p.current.figures} caption={t('period.currentFigures', { at: formatDateTime(p.current.asOf) })} />
      <LateFacts period={p} />
      {p.current.carriedInEventIds.length > 0 && <Alert type="info" showIcon message={t('period.carriedIn', { count: p.current.carriedInEventIds.length })} />}
      <Card size="small" title={t('plans.history')}>
        <HistoryTable entries={toHistoryEntries(p.history.map((h, i) => ({ ...h, streamVersion: i + 1 })))} />
      </Card>
    </Space>
  );
}

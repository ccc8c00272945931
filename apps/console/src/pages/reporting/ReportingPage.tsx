import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, isOfficer, type Principal } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDateTime, todayInVietnam } from '../../lib/format';
import type { PlanSummary } from '../../lib/types';
import { ErrorAlert, NotAllowed, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { FormSelect } from '../../components/FormSelect';
import { serverPagination } from '../../lib/listPaging';

export interface ReportingPeriod {
  periodId: string;
  planId: string;
  unit: string;
  unitName?: string;
  year: number;
  status: string;
  dueDate: string;
  dueDateDisplay?: string;
  late: boolean | null;
  submissions: number;
  lastSubmittedAt: string | null;
  approvedAt: string | null;
}

const WRITERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/** What an officer may do with a period: its own unit submits; a unit above it approves or returns. */
export function periodActions(period: Pick<ReportingPeriod, 'status' | 'unit'>, p: Principal | undefined): ('submit' | 'approve' | 'return')[] {
  if (!p) return [];
  const own = period.unit === p.unit;
  const above = p.unit === 'VN' || period.unit.startsWith(`${p.unit}-`);
  const out: ('submit' | 'approve' | 'return')[] = [];
  if (own && hasRole(p, ...WRITERS, 'village-officer') && (period.status === 'open' || period.status === 'returned')) out.push('submit');
  if (above && hasRole(p, ...WRITERS) && period.status === 'submitted') out.push('approve', 'return');
  return out;
}

/** Opens the printable report (HTML from the plans service) in a new window; the token stays in the request. */
export async function openPrintable(periodId: string, lang: string) {
  const html = await api.text('plans', `/reporting-periods/${encodeURIComponent(periodId)}/report.html`, { lang: lang === 'en' ? 'en' : 'vi' }, 'text/html');
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Annual reporting: open a period, submit the report upward, approve or return it, print it. */
export function ReportingPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['reporting-periods', 'page', year, status, page],
    enabled: isOfficer(principal),
    queryFn: () => api.get<Page<ReportingPeriod>>('plans', '/reporting-periods', { year, status, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const plans = useQuery({ queryKey: ['plans', 'issued', 'reporting'], enabled: isOfficer(principal), queryFn: () => api.get<Page<PlanSummary>>('plans', '/plans', { pageSize: 100 }) });
  const printable = useMutation({ mutationFn: (periodId: string) => openPrintable(periodId, i18n.language) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reporting-periods'] });
  if (!isOfficer(principal)) return <NotAllowed />;
  const post = (periodId: string, action: string) => (body: unknown) => api.post('plans', `/reporting-periods/${encodeURIComponent(periodId)}/${action}`, body);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.reporting')}
      </Typography.Title>
      <Space wrap>
        <InputNumber aria-label={t('reporting.year')} placeholder={t('reporting.year')} min={2020} max={2035} value={year} onChange={(v) => { setYear(v ?? undefined); setPage(1); }} />
        <Select aria-label={t('common.status')} allowClear placeholder={t('common.status')} style={{ width: 200 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={['open', 'submitted', 'returned', 'approved'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        {hasRole(principal, ...WRITERS, 'village-officer') && (
          <ActionForm<{ planId: string; year: number }>
            primary
            label={t('reporting.open')}
            doneMessage={t('reporting.opened')}
            initialValues={{ year: Number(todayInVietnam().slice(0, 4)) }}
            send={(body) => {
              const { planId, ...rest } = body as { planId: string; year: number; unit: string };
              return api.post('plans', `/plans/${encodeURIComponent(planId)}/reporting-periods`, rest);
            }}
            onDone={refresh}
            toBody={(v) => ({ planId: v.planId, year: v.year, unit: principal!.unit })}
          >
            <Form.Item name="planId" label={t('reporting.plan')} rules={[{ required: true, message: t('common.required') }]}>
              <FormSelect options={(plans.data?.items ?? []).filter((p) => p.status === 'issued' || p.status === 'amended').map((p) => ({ value: p.planId, label: `${p.documentNumber} — ${p.issuingUnitName ?? p.issuingUnit}` }))} />
            </Form.Item>
            <Form.Item name="year" label={t('reporting.year')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={2020} max={2035} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('reporting.forUnit', { unit: principal!.unit })}</Typography.Paragraph>
          </ActionForm>
        )}
      </Space>
      <ErrorAlert error={list.error ?? printable.error} onRetry={() => void list.refetch()} />
      <Table<ReportingPeriod>
        rowKey="periodId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 20, onChange: setPage })}
        columns={[
          { title: t('common.unit'), render: (_, r) => r.unitName ?? r.unit },
          { title: t('reporting.plan'), render: (_, r) => plans.data?.items.find((p) => p.planId === r.planId)?.documentNumber ?? r.planId },
          { title: t('reporting.year'), dataIndex: 'year', width: 70 },
          { title: t('reporting.due'), render: (_, r) => r.dueDateDisplay ?? r.dueDate, width: 110 },
          { title: t('reporting.submitted'), render: (_, r) => formatDateTime(r.lastSubmittedAt), width: 150 },
          { title: t('common.status'), render: (_, r) => <Space size={4}><StatusTag status={r.status} />{r.late ? <StatusTag status="late" /> : null}</Space>, width: 170 },
          {
            title: t('common.actions'),
            render: (_, r) => {
              const actions = periodActions(r, principal);
              return (
                <Space wrap>
                  <Link to={`/reporting/${encodeURIComponent(r.periodId)}`}>{t('period.open')}</Link>
                  {actions.includes('submit') && (
                    <ActionForm<{ summary?: string }> primary label={t('reporting.submit')} doneMessage={t('reporting.submittedDone')} send={post(r.periodId, 'submit')} onDone={refresh} toBody={(v) => (v.summary ? { summary: v.summary } : {})}>
                      <Typography.Paragraph type="secondary">{t('reporting.submitHelp')}</Typography.Paragraph>
                      <Form.Item name="summary" label={t('reporting.summary')}>
                        <Input.TextArea rows={4} />
                      </Form.Item>
                    </ActionForm>
                  )}
                  {actions.includes('approve') && (
                    <ActionForm<object> primary label={t('reporting.approve')} doneMessage={t('reporting.approved')} send={post(r.periodId, 'approve')} onDone={refresh} toBody={() => ({})}>
                      <Typography.Paragraph>{t('reporting.approveConfirm', { unit: r.unitName ?? r.unit, year: r.year })}</Typography.Paragraph>
                    </ActionForm>
                  )}
                  {actions.includes('return') && (
                    <ActionForm<{ reason: string }> danger label={t('reporting.return')} doneMessage={t('reporting.returned')} send={post(r.periodId, 'return')} onDone={refresh} toBody={(v) => v}>
                      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                        <Input.TextArea rows={3} />
                      </Form.Item>
                    </ActionForm>
                  )}
                  <Button onClick={() => printable.mutate(r.periodId)} loading={printable.isPending && printable.variables === r.periodId}>
                    {t('reporting.print')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

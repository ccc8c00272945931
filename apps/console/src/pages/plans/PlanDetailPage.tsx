import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import { Card, DatePicker, Descriptions, Form, Input, List, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { DATE_INPUT_FORMATS, formatDate, formatNumber, todayInVietnam } from '../../lib/format';
import { ActionForm } from '../../components/ActionForm';
import type { PlanContent, PlanDetail, PlanTarget } from '../../lib/types';
import { ErrorAlert, Loading, StatusTag } from '../../components/common';
import { HistoryTable } from '../../components/HistoryTable';
import { toHistoryEntries } from '../../lib/history';
import { TargetProgressTable } from '../officer/OfficerHome';
import { AmendAction, DraftActions, useMayEditPlan } from './PlanAuthoring';
import { compareVersions } from './compareVersions';
import { amendmentChoices } from './planEditing';

export function describeTarget(target: PlanTarget, lang: string): string {
  const n = (v: number | null | undefined) => formatNumber(v, lang);
  switch (target.comparison) {
    case 'range':
      return `${n(target.min)} – ${n(target.max)}`;
    case 'more-than':
      return `> ${n(target.value)}`;
    case 'at-least':
      return `≥ ${n(target.value ?? target.min)}`;
    case 'at-most':
      return `≤ ${n(target.value ?? target.max)}`;
    case 'exactly':
      return n(target.value);
    default:
      return target.comparison;
  }
}

function PlanContentView({ content }: { content: PlanContent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('plans.documentNumber')}>{content.documentNumber ?? t('plans.noNumber')}</Descriptions.Item>
        <Descriptions.Item label={t('plans.issueDate')}>{formatDate(content.issueDate)}</Descriptions.Item>
        <Descriptions.Item label={t('plans.issuingUnit')}>{content.issuingBody ?? content.issuingUnit}</Descriptions.Item>
        <Descriptions.Item label={t('plans.signer')}>{content.signer ? (typeof content.signer === 'string' ? content.signer : [content.signer.name, content.signer.position].filter(Boolean).join(' — ')) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.horizon')}>{content.horizonYears.join(', ')}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('plans.generalObjectives')}>
        <List size="small" dataSource={content.generalObjectives} renderItem={(o) => <List.Item>{o}</List.Item>} />
      </Card>
      <Card size="small" title={t('plans.targets')}>
        <Table<PlanTarget>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={content.targets}
          columns={[
            { title: t('plans.target'), render: (_, r) => (lang === 'en' ? r.label.en : r.label.vi) },
            { title: t('plans.milestone'), dataIndex: 'milestoneYear', width: 90 },
            { title: t('plans.value'), render: (_, r) => `${describeTarget(r, lang)} ${t(`measure.${r.unit}`, { defaultValue: r.unit })}`, width: 200 },
            { title: t('plans.source'), render: (_, r) => t(`plans.source_${r.source}`, { defaultValue: r.source }), width: 120 },
          ]}
        />
      </Card>
      <Card size="small" title={t('plans.tasks')}>
        <Table
          size="small"
          rowKey="section"
          pagination={false}
          dataSource={content.tasks}
          columns={[
            { title: '', dataIndex: 'section', width: 60 },
            { title: t('plans.task'), dataIndex: 'title' },
            { title: t('plans.lead'), dataIndex: 'lead', width: 220 },
          ]}
        />
      </Card>
    </Space>
  );
}

function VersionsTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const versions = plan.versions ?? [];
  const [version, setVersion] = useState<number | undefined>(versions.at(-1)?.version);
  const detail = useQuery({
    queryKey: ['plan-version', plan.planId, version],
    enabled: version !== undefined,
    queryFn: () => api.get<{ version: number; effectiveDate: string; reason?: string; legalBasis?: string; content: PlanContent }>('plans', `/plans/${encodeURIComponent(plan.planId)}/versions/${version}`),
  });
  if (!versions.length) return <Typography.Paragraph>{t('plans.noVersions')}</Typography.Paragraph>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label={t('plans.version')}
        value={version}
        onChange={setVersion}
        style={{ width: 320 }}
        options={versions.map((v) => ({ value: v.version, label: `${t('plans.version')} ${v.version} — ${formatDate(v.effectiveDate)}` }))}
      />
      <ErrorAlert error={detail.error} />
      {detail.isLoading && <Loading />}
      {detail.data && (
        <>
          {(detail.data.reason || detail.data.legalBasis) && (
            <Descriptions size="small" bordered column={1}>
              <Descriptions.Item label={t('plans.reason')}>{detail.data.reason ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('plans.legalBasis')}>{detail.data.legalBasis ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
          <PlanContentView content={detail.data.content} />
        </>
      )}
    </Space>
  );
}

/** After the final review the plan is closed: nothing changes afterwards, so the officer gives the day and the reason. */
export function ClosePlanAction({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ActionForm<{ closedOn: Dayjs; closeReason: string }>
      danger
      label={t('planClose.close')}
      doneMessage={t('planClose.closed')}
      initialValues={{ closedOn: dayjs(todayInVietnam()) }}
      send={(body) => api.post('plans', `/plans/${encodeURIComponent(plan.planId)}/close`, body)}
      onDone={async () => {
        await queryClient.invalidateQueries({ queryKey: ['plan', plan.planId] });
        await queryClient.invalidateQueries({ queryKey: ['plan-history', plan.planId] });
        await queryClient.invalidateQueries({ queryKey: ['plans'] });
      }}
      toBody={(v) => ({ closedOn: v.closedOn.format('YYYY-MM-DD'), reason: v.closeReason.trim() })}
    >
      <Typography.Paragraph>{t('planClose.help')}</Typography.Paragraph>
      <Form.Item name="closedOn" label={t('planClose.closedOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format={DATE_INPUT_FORMATS} />
      </Form.Item>
      {/* Not "reason": the amendment's form on the same page has that field, and a label must name one element. */}
      <Form.Item name="closeReason" label={t('common.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('planClose.reasonRule') }]}>
        <Input.TextArea rows={3} placeholder={t('planClose.reasonExample')} />
      </Form.Item>
    </ActionForm>
  );
}

type VersionAnswer = { version: number; effectiveDate: string; reason?: string; legalBasis?: string; content: PlanContent };

/** Two issued versions side by side: what the amendments between them changed, field by field, and why. */
export function CompareVersionsTab({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const versions = plan.versions ?? [];
  const [from, setFrom] = useState<number | undefined>(versions.at(-2)?.version);
  const [to, setTo] = useState<number | undefined>(versions.at(-1)?.version);
  const fetchVersion = (v: number | undefined) => ({
    queryKey: ['plan-version', plan.planId, v],
    enabled: v !== undefined,
    queryFn: () => api.get<VersionAnswer>('plans', `/plans/${encodeURIComponent(plan.planId)}/versions/${v}`),
  });
  const a = useQuery(fetchVersion(from));
  const b = useQuery(fetchVersion(to));
  if (versions.length < 2) return <Typography.Paragraph>{t('compare.onlyOne')}</Typography.Paragraph>;
  const lo = Math.min(from ?? 0, to ?? 0);
  const hi = Math.max(from ?? 0, to ?? 0);
  const between = versions.filter((v) => v.version > lo && v.version <= hi);
  const differences = a.data && b.data ? compareVersions(a.data.content, b.data.content) : undefined;
  const shown = (field: string | undefined, value: string | undefined) => {
    if (value === undefined || value === '—') return '—';
    if (field === 'value' || field === 'min' || field === 'max') return formatNumber(Number(value), i18n.language);
    if (field === 'comparison') return t(`planEdit.cmp_${value}`, { defaultValue: value });
    if (field === 'source') return t(`plans.source_${value}`, { defaultValue: value });
    if (field === 'unit') return t(`measure.${value}`, { defaultValue: value });
    if (field === 'issueDate') return formatDate(value);
    return value;
  };
  const options = versions.map((v) => ({ value: v.version, label: `${t('plans.version')} ${v.version} — ${formatDate(v.effectiveDate)}` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label={t('compare.from')} value={from} onChange={setFrom} style={{ width: 300 }} options={options} />
        <span aria-hidden>→</span>
        <Select aria-label={t('compare.to')} value={to} onChange={setTo} style={{ width: 300 }} options={options} />
      </Space>
      {between.length > 0 && (
        <Descriptions size="small" bordered column={1} title={t('compare.amendments')}>
          {between.map((v) => (
            <Descriptions.Item key={v.version} label={`${t('plans.version')} ${v.version} — ${formatDate(v.effectiveDate)}`}>
              {[v.reason, v.legalBasis].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <ErrorAlert error={a.error ?? b.error} />
      {(a.isLoading || b.isLoading) && <Loading />}
      {differences && (
        <Table
          data-testid="version-differences"
          size="small"
          rowKey={(r) => `${r.area}:${r.op}:${r.subject}:${r.field ?? ''}`}
          dataSource={differences}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: t('compare.same') }}
          title={() => t('compare.summary', { count: differences.length, from, to })}
          columns={[
            { title: t('compare.area'), render: (_, r) => t(`compare.area_${r.area}`), width: 130 },
            { title: t('audit.op'), render: (_, r) => t(`audit.op_${r.op}`), width: 80 },
            { title: t('compare.subject'), render: (_, r) => (r.area === 'plan' ? t(`compare.field_${r.subject}`, { defaultValue: r.subject }) : r.subject) },
            { title: t('compare.field'), render: (_, r) => (r.field && r.area !== 'plan' ? t(`compare.field_${r.field}`, { defaultValue: r.field }) : '—'), width: 140 },
            { title: t('compare.before', { version: from }), render: (_, r) => shown(r.field, r.before), width: 160 },
            { title: t('compare.after', { version: to }), render: (_, r) => shown(r.field, r.after), width: 160 },
          ]}
        />
      )}
    </Space>
  );
}

export function PlanDetailPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const plan = useQuery({ queryKey: ['plan', planId], queryFn: () => api.get<PlanDetail>('plans', `/plans/${encodeURIComponent(planId)}`) });
  const mayEdit = useMayEditPlan(plan.data?.content.issuingUnit ?? '');
  const history = useQuery({ queryKey: ['plan-history', planId], queryFn: () => api.get<unknown>('plans', `/plans/${encodeURIComponent(planId)}/history`) });
  if (plan.isLoading) return <Loading />;
  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data!;
  const historyEntries = toHistoryEntries(history.data);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {p.content.title} <span data-testid="plan-status"><StatusTag status={p.status} /></span>
      </Typography.Title>
      {mayEdit && p.status === 'draft' && <DraftActions plan={p} />}
      {mayEdit && (p.status === 'issued' || p.status === 'amended') && (
        <Space>
          <AmendAction plan={p} />
          <ClosePlanAction plan={p} />
        </Space>
      )}
      <Tabs
        items={[
          { key: 'content', label: t('plans.content'), children: <PlanContentView content={p.content} /> },
          { key: 'progress', label: t('plans.progress'), children: <TargetProgressTable planId={p.planId} /> },
          { key: 'versions', label: t('plans.versions'), children: <VersionsTab plan={p} /> },
          { key: 'compare', label: t('compare.tab'), children: <CompareVersionsTab plan={p} /> },
          {
            key: 'documents',
            label: t('attachments.heading'),
            children: <Attachments service="plans" recordPath={`/plans/${encodeURIComponent(p.planId)}`} streamId={`plan-${p.planId}`} purposes={['plan-document', 'amendment']} canAttach={mayEdit} amendments={amendmentChoices(p.versions ?? [], t('plans.version'))} />,
          },
          {
            key: 'history',
            label: t('plans.history'),
            children: (
              <>
                <ErrorAlert error={history.error} />
                <HistoryTable entries={historyEntries} loading={history.isLoading} />
              </>
            ),
          },
        ]}
      />
    </Space>
  );
}

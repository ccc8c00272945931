import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { ErrorAlert, Loading, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { achievementActions, type AchievementRow } from './actions';
import { textFor } from './text';

interface Achievement extends AchievementRow {
  readonly indicator: string;
  readonly organisationName: string;
  readonly unitName: string;
  readonly achievedOnDisplay: string;
  readonly description: string;
  readonly evidence: string;
  readonly refusal?: { reason: string };
  readonly withdrawal?: { reason: string };
}
interface Indicator {
  readonly code: string;
  readonly entry: { name: { vi: string; en: string }; feed: { from: string } };
  readonly inForceToday: boolean;
}
interface Organisation {
  readonly organisationId: string;
  readonly name: string;
  readonly unitName: string;
}

const STATUSES = ['recorded', 'verified', 'refused', 'withdrawn'] as const;

/** Verify, refuse (with reason) or withdraw (with reason) one achievement; a refusal of the API appears here. */
export function AchievementRowActions({ achievement, onDone }: { achievement: Achievement; onDone: () => Promise<void> }) {
  const { i18n } = useTranslation();
  const x = textFor(i18n.language);
  const { principal } = useAuth();
  const path = (what: string) => `/achievements/${encodeURIComponent(achievement.achievementId)}/${what}`;
  const verify = useMutation({ mutationFn: () => api.post('plans', path('verification'), {}), onSuccess: onDone });
  const actions = achievementActions(achievement, principal);
  if (!actions.length) return null;
  const reasonField = (
    <Form.Item name="reason" label={x.reason} rules={[{ required: true, message: x.required }, { max: 1000 }]}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
  return (
    <div>
      <Space wrap>
        {actions.includes('verify') && (
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            {x.verify}
          </Button>
        )}
        {actions.includes('refuse') && (
          <ActionForm<{ reason: string }> label={x.refuse} danger toBody={(v) => ({ reason: v.reason })} send={(b) => api.post('plans', path('refusal'), b)} onDone={onDone} doneMessage={x.done}>
            {reasonField}
          </ActionForm>
        )}
        {actions.includes('withdraw') && (
          <ActionForm<{ reason: string }> label={x.withdraw} danger toBody={(v) => ({ reason: v.reason })} send={(b) => api.post('plans', path('withdrawal'), b)} onDone={onDone} doneMessage={x.done}>
            {reasonField}
          </ActionForm>
        )}
      </Space>
      {verify.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={verify.error} />
        </div>
      )}
    </div>
  );
}

/** The form an officer records an achievement with: indicator (fed by recorded achievements), organisation, date, description, evidence. */
export function RecordAchievement({ unit, onDone }: { unit: string; onDone: () => Promise<void> }) {
  const { i18n } = useTranslation();
  const x = textFor(i18n.language);
  const indicators = useQuery({ queryKey: ['indicators', 'recordable'], queryFn: () => api.get<{ indicators: Indicator[] }>('plans', '/indicators', { source: 'counted' }) });
  const organisations = useQuery({ queryKey: ['organisations', unit], queryFn: () => api.get<Page<Organisation>>('plans', '/organisations', { unit, pageSize: 100 }) });
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const recordable = (indicators.data?.indicators ?? []).filter((i) => i.entry.feed.from === 'recorded-achievements' && i.inForceToday);
  const required = [{ required: true, message: x.required }];
  return (
    <ActionForm<{ indicator: string; organisationId: string; achievedOn: string; description: string; evidence: string; subjectRef?: string }>
      label={x.record}
      primary
      toBody={(v) => ({ ...v, subjectRef: v.subjectRef?.trim() || undefined })}
      send={(b) => api.post('plans', '/achievements', b)}
      onDone={onDone}
      doneMessage={x.done}
    >
      <Form.Item name="indicator" label={x.indicator} rules={required}>
        <Select options={recordable.map((i) => ({ value: i.code, label: i.entry.name[lang] }))} loading={indicators.isLoading} />
      </Form.Item>
      <Form.Item name="organisationId" label={x.organisation} rules={required}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(organisations.data?.items ?? []).map((o) => ({ value: o.organisationId, label: `${o.name} (${o.unitName})` }))}
          loading={organisations.isLoading}
        />
      </Form.Item>
      <Form.Item name="achievedOn" label={x.achievedOn} rules={[...required, { pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/, message: 'dd/mm/yyyy' }]}>
        <Input placeholder="dd/mm/yyyy" />
      </Form.Item>
      <Form.Item name="description" label={x.description} rules={[...required, { max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="evidence" label={x.evidence} rules={[...required, { max: 500 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="subjectRef" label={x.subjectRef} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </ActionForm>
  );
}

/**
 * Recorded achievements of the user's unit and the units within it: awaiting verification first; the
 * unit above verifies or refuses, officers record and withdraw (at /achievements, in the officers'
 * and auditors' menu).
 */
export function AchievementsPage() {
  const { i18n } = useTranslation();
  const x = textFor(i18n.language);
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>('recorded');
  const unit = principal?.unit;
  const list = useQuery({
    queryKey: ['achievements', unit, status],
    queryFn: () => api.get<Page<Achievement>>('plans', '/achievements', { unit, status: status === 'all' ? undefined : status, pageSize: 100 }),
    enabled: !!unit,
    placeholderData: keepPreviousData,
  });
  // The service refreshes its lists before it answers a command (read-your-writes): one re-read suffices.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['achievements'] });
  const statusName = (s: string) => (x.statuses as Record<string, string>)[s] ?? s;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{x.title}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={x.status}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 200 }}
          options={[...STATUSES.map((s) => ({ value: s, label: statusName(s) })), { value: 'all', label: x.all }]}
        />
        {unit && hasRole(principal, 'province-admin', 'department-officer', 'commune-officer', 'village-officer') && <RecordAchievement unit={unit} onDone={refresh} />}
      </Space>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Loading />
      ) : (
        <Table<Achievement>
          rowKey="achievementId"
          size="small"
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: x.organisation, render: (_, a) => `${a.organisationName} (${a.unitName})` },
            { title: x.indicator, dataIndex: 'indicator' },
            { title: x.achievedOn, dataIndex: 'achievedOnDisplay', width: 110 },
            { title: x.description, render: (_, a) => <span>{a.description}<br /><Typography.Text type="secondary">{a.evidence}</Typography.Text></span> },
            {
              title: x.status,
              render: (_, a) => (
                <span>
                  <StatusTag status={a.status} /> {statusName(a.status)}
                  {(a.refusal ?? a.withdrawal) && <div><Typography.Text type="secondary">{(a.refusal ?? a.withdrawal)!.reason}</Typography.Text></div>}
                </span>
              ),
            },
            { title: x.recordedBy, dataIndex: 'recordedBy' },
            { title: '', render: (_, a) => <AchievementRowActions achievement={a} onDone={refresh} /> },
          ]}
        />
      )}
    </Space>
  );
}

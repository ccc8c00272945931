import { Attachments } from '../../components/Attachments';
import { useState } from 'react';
import { Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Radio, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, type Principal } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber, DATE_INPUT_FORMATS } from '../../lib/format';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, Loading, StatusTag } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { FormSelect } from '../../components/FormSelect';
import { serverPagination } from '../../lib/listPaging';

interface Nomination {
  nominationId: string;
  categoryId: string;
  nominee: { kind: string; name: string };
  nominatedBy: { kind: string; name: string };
  unitCode: string;
  status: string;
  achievements: string[];
  council: string[];
  awaitingEvaluationFrom: string[];
  evaluations: { memberId: string; score: number; comment: string; evaluatedAt: string }[];
  submittedAt: string;
  decision?: { outcome: string; decisionDocumentNumber: string; decisionDate: string; averageScore: number };
}

/** What the award council may do to a nomination now: evaluate once each, decide when all evaluated, close a decision. */
export function nominationActions(n: Pick<Nomination, 'status' | 'council' | 'awaitingEvaluationFrom'>, p: Principal | undefined): ('evaluate' | 'decide' | 'close')[] {
  if (!hasRole(p, 'award-council')) return [];
  const out: ('evaluate' | 'decide' | 'close')[] = [];
  if (n.status === 'under-evaluation' && p && n.awaitingEvaluationFrom.includes(p.username)) out.push('evaluate');
  if (n.status === 'under-evaluation' && n.awaitingEvaluationFrom.length === 0) out.push('decide');
  if (n.status === 'decided') out.push('close');
  return out;
}

function NominationDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const nomination = useQuery({ queryKey: ['nomination', id], queryFn: () => api.get<Nomination>('awards', `/nominations/${encodeURIComponent(id)}`) });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['nomination', id] });
    await queryClient.invalidateQueries({ queryKey: ['nominations'] });
  };
  const post = (path: string) => (body: unknown) => api.post('awards', `/nominations/${encodeURIComponent(id)}/${path}`, body);
  const close = useMutation({ mutationFn: post('close'), onSuccess: refresh });
  const n = nomination.data;
  const actions = n ? nominationActions(n, principal) : [];
  return (
    <Drawer open width={640} onClose={onClose} title={n?.nominee.name ?? t('common.loading')}>
      {nomination.isLoading && <Loading />}
      <ErrorAlert error={nomination.error} />
      {n && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('common.status')}>
              <span data-testid="nomination-status"><StatusTag status={n.status} /></span>
            </Descriptions.Item>
            <Descriptions.Item label={t('award.nominee')}>{`${n.nominee.name} (${t(`award.kind_${n.nominee.kind}`)})`}</Descriptions.Item>
            <Descriptions.Item label={t('award.nominatedBy')}>{n.nominatedBy.name}</Descriptions.Item>
            <Descriptions.Item label={t('award.council')}>{n.council.join(', ') || '—'}</Descriptions.Item>
            {n.decision && (
              <Descriptions.Item label={t('award.decision')}>
                <StatusTag status={n.decision.outcome} /> {n.decision.decisionDocumentNumber} · {formatDate(n.decision.decisionDate)} · {t('award.average')} {formatNumber(n.decision.averageScore, i18n.language, 1)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <List size="small" header={<strong>{t('award.achievements')}</strong>} bordered dataSource={n.achievements} renderItem={(a) => <List.Item>{a}</List.Item>} />
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={n.evaluations}
            locale={{ emptyText: t('award.noEvaluations') }}
            columns={[
              { title: t('award.member'), dataIndex: 'memberId' },
              { title: t('award.score'), dataIndex: 'score', width: 80 },
              { title: t('award.comment'), dataIndex: 'comment' },
              { title: t('history.when'), render: (_, e: Nomination['evaluations'][number]) => formatDateTime(e.evaluatedAt), width: 150 },
            ]}
          />
          <Space wrap>
            {hasRole(principal, 'province-admin', 'department-officer') && n.status === 'nominated' && (
              <ActionForm<{ members: string }>
                primary
                label={t('award.startEvaluation')}
                doneMessage={t('award.evaluationStarted')}
                send={post('evaluation-start')}
                onDone={refresh}
                toBody={(v) => ({ councilMemberIds: v.members.split(/[,\s]+/).map((m) => m.trim()).filter(Boolean) })}
              >
                <Form.Item name="members" label={t('award.councilMembers')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input placeholder="qn.council" />
                </Form.Item>
              </ActionForm>
            )}
            {hasRole(principal, 'province-admin', 'department-officer', 'commune-officer') && (n.status === 'nominated' || n.status === 'under-evaluation') && (
              <ActionForm<{ reason: string }> danger label={t('award.withdraw')} doneMessage={t('award.withdrawn')} send={post('withdraw')} onDone={refresh} toBody={(v) => v}>
                <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </ActionForm>
            )}
            {actions.includes('evaluate') && (
              <ActionForm<{ score: number; comment: string }> primary label={t('award.evaluate')} doneMessage={t('award.evaluated')} send={post('evaluations')} onDone={refresh} toBody={(v) => v}>
                <Form.Item name="score" label={t('award.score0to100')} rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
                <Form.Item name="comment" label={t('award.comment')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
              </ActionForm>
            )}
            {actions.includes('decide') && (
              <ActionForm<{ outcome: string; decisionDocumentNumber: string; decisionDate?: Dayjs }>
                primary
                label={t('award.decide')}
                doneMessage={t('award.decided')}
                send={post('decision')}
                onDone={refresh}
                initialValues={{ outcome: 'awarded' }}
                toBody={(v) => ({ outcome: v.outcome, decisionDocumentNumber: v.decisionDocumentNumber, ...(v.decisionDate ? { decisionDate: v.decisionDate.format('YYYY-MM-DD') } : {}) })}
              >
                <Form.Item name="outcome" label={t('award.outcome')}>
                  <Radio.Group options={[{ value: 'awarded', label: t('status.awarded') }, { value: 'not-awarded', label: t('status.not-awarded') }]} />
                </Form.Item>
                <Form.Item name="decisionDocumentNumber" label={t('award.decisionNumber')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input placeholder="1234/QĐ-UBND" />
                </Form.Item>
                <Form.Item name="decisionDate" label={t('award.decisionDate')}>
                  <DatePicker format={DATE_INPUT_FORMATS} />
                </Form.Item>
              </ActionForm>
            )}
            {actions.includes('close') && (
              <Button loading={close.isPending} onClick={() => close.mutate({})}>
                {t('award.close')}
              </Button>
            )}
          </Space>
          {close.error && <ErrorAlert error={close.error} />}
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('attachments.heading')}
      </Typography.Title>
      <Attachments
        service="awards"
        recordPath={`/nominations/${encodeURIComponent(id)}`}
        streamId={`nomination-${id}`}
        purposes={['nomination', 'evidence', 'decision']}
        canAttach={hasRole(principal, 'province-admin', 'department-officer', 'commune-officer', 'award-council')}
      />
    </Drawer>
  );
}

interface AwardCategory {
  categoryId: string;
  name: string;
  eligibleNomineeKinds: string[];
}

/** An officer records a nomination (by the officer, the Cooperative Alliance or the Enterprise Association). */
function Nominate({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const categories = useQuery({ queryKey: ['award-categories'], queryFn: () => api.get<Page<AwardCategory>>('awards', '/award-categories', { pageSize: 100 }) });
  return (
    <ActionForm<{ categoryId: string; nomineeKind: string; nomineeName: string; nominatorKind: string; nominatorName: string; achievements: string }>
      primary
      label={t('award.nominate')}
      doneMessage={t('award.nominated')}
      initialValues={{ nomineeKind: 'enterprise', nominatorKind: 'officer' }}
      send={(body) => api.post('awards', '/nominations', body)}
      onDone={onDone}
      toBody={(v) => ({
        categoryId: v.categoryId,
        nominee: { kind: v.nomineeKind, name: v.nomineeName.trim() },
        nominatedBy: { kind: v.nominatorKind, name: v.nominatorName.trim() },
        unitCode: principal!.unit,
        achievements: v.achievements.split('\n').map((a) => a.trim()).filter(Boolean),
      })}
    >
      <Form.Item name="categoryId" label={t('award.category')} rules={[{ required: true, message: t('common.required') }]}>
        <FormSelect options={(categories.data?.items ?? []).map((c) => ({ value: c.categoryId, label: c.name }))} />
      </Form.Item>
      <Form.Item name="nomineeKind" label={t('award.nomineeKind')}>
        <Radio.Group options={['enterprise', 'organisation', 'individual'].map((k) => ({ value: k, label: t(`award.kind_${k}`) }))} />
      </Form.Item>
      <Form.Item name="nomineeName" label={t('award.nominee')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="nominatorKind" label={t('award.nominatorKind')}>
        <Radio.Group options={['officer', 'cooperative-alliance', 'enterprise-association'].map((k) => ({ value: k, label: t(`award.by_${k}`) }))} />
      </Form.Item>
      <Form.Item name="nominatorName" label={t('award.nominatedBy')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input placeholder="Liên minh Hợp tác xã tỉnh Quảng Ngãi" />
      </Form.Item>
      <Form.Item name="achievements" label={t('award.achievementsOnePerLine')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionForm>
  );
}

const STATUSES = ['nominated', 'under-evaluation', 'decided', 'closed', 'withdrawn'];

/** Nominations the award council evaluates and decides. */
export function NominationsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['nominations', principal?.unit, status, q, page],
    queryFn: () => api.get<Page<Nomination>>('awards', '/nominations', { status, q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.nominations')}
      </Typography.Title>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('common.search')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 300 }} />
        <Select aria-label={t('common.status')} allowClear placeholder={t('common.status')} style={{ width: 200 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <ExportButtons service="awards" path="/nominations/export" query={{ status, q }} name="de-cu-khen-thuong" />
        {hasRole(principal, 'province-admin', 'department-officer', 'commune-officer') && <Nominate onDone={() => queryClient.invalidateQueries({ queryKey: ['nominations'] })} />}
        <Link to="/award-categories">{t('nav.awardCategories')}</Link>
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Nomination>
        rowKey="nominationId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 20, onChange: setPage })}
        columns={[
          { title: t('award.nominee'), render: (_, n) => <a onClick={() => setOpen(n.nominationId)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setOpen(n.nominationId)}>{n.nominee.name}</a> },
          { title: t('award.nominatedBy'), render: (_, n) => n.nominatedBy.name },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 100 },
          { title: t('award.evaluations'), render: (_, n) => `${n.evaluations.length}/${n.council.length}`, width: 110 },
          { title: t('common.status'), render: (_, n) => <StatusTag status={n.decision?.outcome ?? n.status} />, width: 170 },
        ]}
      />
      {open && <NominationDetail id={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Popconfirm, Progress, Space, Table, Tabs, Typography } from 'antd';
import { FormSelect } from '../../components/FormSelect';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/ExportButtons';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, type Principal } from '../../auth/claims';
import { ActionForm } from '../../components/ActionForm';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format';
import type { CourseSummary } from '../../lib/types';
import { ColourTag, ErrorAlert, Loading, StatusTag } from '../../components/common';
import { ORGANISATION_TYPES, parseTraineeRows, type ParsedRow, type TraineeInput } from './traineeRows';

interface Trainee {
  personId: string;
  fullName: string;
  organisationType: string;
  organisationName: string;
  status: string;
  sessionsAttended: string[];
}
interface CourseDetail extends CourseSummary {
  registered: Trainee[];
  waitlist: Trainee[];
  attendance: { sessionId: string; date: string; present: string[] }[];
  completions: { personId: string; fullName: string; completedOn: string }[];
  cancelReason?: string;
}

/** The API needs a citizen ID (hashed there) or a pseudonymous person id: without the first, the console makes the second. */
export function traineeBody(v: TraineeInput): Record<string, string> {
  const { citizenId, ...rest } = v;
  return citizenId ? { ...rest, citizenId } : { ...rest, personId: `p-${crypto.randomUUID()}` };
}

function useCourseMutation(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api.post<unknown>('training', `/courses/${encodeURIComponent(courseId)}${path}`, body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['course', courseId] });
      await queryClient.invalidateQueries({ queryKey: ['courses'] });
      await queryClient.invalidateQueries({ queryKey: ['person-times'] });
    },
  });
}

function RegisterOne({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const register = useCourseMutation(courseId);
  return (
    <Card size="small" title={t('course.registerOne')}>
      <ErrorAlert error={register.error} />
      <Form
        form={form}
        layout="inline"
        onFinish={(v: TraineeInput) =>
          register.mutate(
            { path: '/registrations', body: traineeBody(v) },
            { onSuccess: () => { form.resetFields(); void message.success(t('course.registeredOne')); } },
          )
        }
      >
        <Form.Item name="fullName" label={t('course.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organisationType" label={t('course.organisationType')} rules={[{ required: true, message: t('common.required') }]}>
          <FormSelect style={{ width: 200 }} options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgType.${o}`) }))} />
        </Form.Item>
        <Form.Item name="organisationName" label={t('course.organisationName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="citizenId" label={t('course.citizenId')} rules={[{ pattern: /^\d{12}$/, message: t('paste.errCitizenId') }]}>
          <Input inputMode="numeric" style={{ width: 150 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('course.register')}
        </Button>
      </Form>
    </Card>
  );
}

interface RowOutcome {
  line: number;
  ok: boolean;
  message?: string;
}

/** Rows pasted from a spreadsheet: each checked, errors shown per row, nothing written until all are valid. */
export function RegisterPasted({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<ParsedRow[]>();
  const [outcomes, setOutcomes] = useState<RowOutcome[]>([]);
  const [running, setRunning] = useState(false);
  const invalid = rows?.filter((r) => r.errors.length) ?? [];
  const write = async () => {
    if (!rows || invalid.length) return;
    setRunning(true);
    setOutcomes([]);
    const done: RowOutcome[] = [];
    for (const row of rows) {
      try {
        await api.post('training', `/courses/${encodeURIComponent(courseId)}/registrations`, traineeBody(row.trainee!));
        done.push({ line: row.line, ok: true });
      } catch (e) {
        done.push({ line: row.line, ok: false, message: e instanceof ApiError ? e.message : String(e) });
      }
      setOutcomes([...done]);
    }
    setRunning(false);
    await queryClient.invalidateQueries({ queryKey: ['course', courseId] });
  };
  return (
    <Card size="small" title={t('paste.title')}>
      <Typography.Paragraph type="secondary">{t('paste.help')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('paste.title')}
        rows={6}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setRows(undefined);
          setOutcomes([]);
        }}
        placeholder={'Y Blăng\tHợp tác xã\tHTX Sâm Ngọc Linh\t062201000123'}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => setRows(parseTraineeRows(text))} disabled={!text.trim()}>
          {t('paste.check')}
        </Button>
        <Button type="primary" disabled={!rows?.length || invalid.length > 0 || running || outcomes.length > 0} loading={running} onClick={() => void write()}>
          {t('paste.write', { count: rows?.length ?? 0 })}
        </Button>
      </Space>
      {rows && invalid.length > 0 && (
        <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>
          {t('paste.invalidCount', { count: invalid.length })}
        </Typography.Paragraph>
      )}
      {running || outcomes.length ? <Progress percent={Math.round((outcomes.length / (rows?.length || 1)) * 100)} aria-label={t('paste.progress')} /> : null}
      {rows && (
        <Table<ParsedRow>
          size="small"
          rowKey="line"
          pagination={false}
          dataSource={rows}
          style={{ marginTop: 8 }}
          columns={[
            { title: t('paste.line'), dataIndex: 'line', width: 60 },
            { title: t('course.fullName'), render: (_, r) => r.cells[0] },
            { title: t('course.organisationType'), render: (_, r) => (r.trainee ? t(`orgType.${r.trainee.organisationType}`) : r.cells[1]) },
            { title: t('course.organisationName'), render: (_, r) => r.cells[2] },
            { title: t('course.citizenId'), render: (_, r) => r.cells[3] },
            {
              title: t('paste.check'),
              render: (_, r) => {
                const outcome = outcomes.find((o) => o.line === r.line);
                if (outcome) return outcome.ok ? <ColourTag colour="green">{t('common.done')}</ColourTag> : <Typography.Text type="danger">{outcome.message}</Typography.Text>;
                return r.errors.length ? <Typography.Text type="danger">{r.errors.map((e) => t(e)).join('; ')}</Typography.Text> : <Typography.Text>{t('paste.valid')}</Typography.Text>;
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

const COURSE_CANCELLERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/** Officers of the course's unit (or above) cancel a course, with a reason, until someone completed it. */
export function mayCancelCourse(course: Pick<CourseDetail, 'status' | 'unitCode' | 'completions'>, p: Principal | undefined): boolean {
  if (!p || !hasRole(p, ...COURSE_CANCELLERS)) return false;
  const within = p.unit === 'VN' || course.unitCode === p.unit || course.unitCode.startsWith(`${p.unit}-`);
  return within && course.status !== 'cancelled' && course.completions.length === 0;
}

/** A course: its trainees and waiting list, attendance per session, completions (person-times). */
export function CourseDetailPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const { id = '' } = useParams();
  const course = useQuery({ queryKey: ['course', id], queryFn: () => api.get<CourseDetail>('training', `/courses/${encodeURIComponent(id)}`) });
  const act = useCourseMutation(id);
  const queryClient = useQueryClient();
  if (course.isLoading) return <Loading />;
  if (course.error) return <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data!;
  const canRecord = hasRole(principal, 'trainer', 'province-admin');
  const canRegister = hasRole(principal, 'trainer', 'province-admin', 'department-officer', 'commune-officer', 'village-officer');
  const today = todayInVietnam();
  const completed = new Set(c.completions.map((x) => x.personId));
  const active = c.registered.filter((r) => r.status !== 'cancelled');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {c.topic} <span data-testid="course-status"><StatusTag status={c.status} /></span>
      </Typography.Title>
      {mayCancelCourse(c, principal) && (
        <Space>
          <ActionForm<{ reason: string }>
            danger
            label={t('course.cancelCourse')}
            doneMessage={t('course.cancelledCourse')}
            send={(body) => api.post('training', `/courses/${encodeURIComponent(id)}/cancel`, body)}
            onDone={async () => {
              await queryClient.invalidateQueries({ queryKey: ['course', id] });
              await queryClient.invalidateQueries({ queryKey: ['courses'] });
            }}
            toBody={(v) => ({ reason: v.reason.trim() })}
          >
            <Typography.Paragraph>{t('course.cancelHelp', { registered: c.counts.registered, waitlisted: c.counts.waitlisted })}</Typography.Paragraph>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </ActionForm>
        </Space>
      )}
      {c.status === 'cancelled' && c.cancelReason && <Alert type="warning" showIcon message={t('course.cancelledBecause', { reason: c.cancelReason })} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={t('common.unit')}>{c.unitCode}</Descriptions.Item>
        <Descriptions.Item label={t('course.dates')}>{`${formatDate(c.startDate)} – ${formatDate(c.endDate)}`}</Descriptions.Item>
        <Descriptions.Item label={t('course.registered')}>{`${c.counts.seatsTaken}/${c.capacity}`}</Descriptions.Item>
        <Descriptions.Item label={t('course.personTimes')}>
          <span data-testid="course-person-times">{formatNumber(c.personTimes, i18n.language)}</span>
        </Descriptions.Item>
      </Descriptions>
      {act.error && <ErrorAlert error={act.error} />}
      <Tabs
        items={[
          {
            key: 'trainees',
            label: `${t('course.trainees')} (${active.length})`,
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                {canRegister && <RegisterOne courseId={id} />}
                {canRegister && <RegisterPasted courseId={id} />}
                <ExportButtons service="training" path={`/courses/${encodeURIComponent(id)}/trainees/export`} name={`hoc-vien-${id}`} />
                <Table<Trainee>
                  size="small"
                  rowKey="personId"
                  dataSource={active}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: t('course.fullName'), dataIndex: 'fullName' },
                    { title: t('course.organisationType'), render: (_, r) => t(`orgType.${r.organisationType}`, { defaultValue: r.organisationType }) },
                    { title: t('course.organisationName'), dataIndex: 'organisationName' },
                    { title: t('common.status'), render: (_, r) => <StatusTag status={r.status} /> },
                    {
                      title: t('common.actions'),
                      width: 130,
                      render: (_, r) =>
                        canRegister && r.status !== 'completed' ? (
                          <Popconfirm title={t('course.cancelConfirm', { name: r.fullName })} okText={t('course.cancelRegistration')} cancelText={t('common.cancel')} onConfirm={() => act.mutate({ path: `/registrations/${encodeURIComponent(r.personId)}/cancel`, body: {} })}>
                            <Button size="small" danger>
                              {t('course.cancelRegistration')}
                            </Button>
                          </Popconfirm>
                        ) : null,
                    },
                  ]}
                />
                <Card size="small" title={`${t('course.waitlisted')} (${c.waitlist.length})`}>
                  <Table<Trainee>
                    size="small"
                    rowKey="personId"
                    dataSource={c.waitlist}
                    pagination={false}
                    locale={{ emptyText: t('course.noWaitlist') }}
                    columns={[
                      { title: t('course.fullName'), dataIndex: 'fullName' },
                      { title: t('course.organisationName'), dataIndex: 'organisationName' },
                      {
                        title: t('common.actions'),
                        width: 130,
                        render: (_, r) =>
                          canRegister ? (
                            <Button size="small" danger onClick={() => act.mutate({ path: `/registrations/${encodeURIComponent(r.personId)}/cancel`, body: {} })}>
                              {t('course.cancelRegistration')}
                            </Button>
                          ) : null,
                      },
                    ]}
                  />
                </Card>
              </Space>
            ),
          },
          {
            key: 'attendance',
            label: t('course.attendance'),
            children: (
              <Table<Trainee>
                size="small"
                rowKey="personId"
                dataSource={active}
                pagination={false}
                columns={[
                  { title: t('course.fullName'), dataIndex: 'fullName' },
                  ...c.attendance.map((s) => ({
                    title: formatDate(s.date),
                    key: s.sessionId,
                    render: (_: unknown, r: Trainee) =>
                      s.present.includes(r.personId) ? (
                        <ColourTag colour="green">{t('course.present')}</ColourTag>
                      ) : canRecord && s.date <= today ? (
                        <Button size="small" loading={act.isPending} onClick={() => act.mutate({ path: '/attendance', body: { sessionId: s.sessionId, personId: r.personId } })} aria-label={`${t('course.markPresent')}: ${r.fullName}, ${formatDate(s.date)}`}>
                          {t('course.markPresent')}
                        </Button>
                      ) : (
                        '—'
                      ),
                  })),
                ]}
              />
            ),
          },
          {
            key: 'completions',
            label: `${t('course.completions')} (${c.completions.length})`,
            children: (
              <Table<Trainee>
                size="small"
                rowKey="personId"
                dataSource={active}
                pagination={false}
                columns={[
                  { title: t('course.fullName'), dataIndex: 'fullName' },
                  { title: t('course.sessionsAttended'), render: (_, r) => `${r.sessionsAttended.length}/${c.sessions.length}` },
                  {
                    title: t('course.completions'),
                    render: (_, r) =>
                      completed.has(r.personId) ? (
                        <ColourTag colour="green">{t('status.completed')}</ColourTag>
                      ) : canRecord ? (
                        <Button size="small" loading={act.isPending} onClick={() => act.mutate({ path: '/completions', body: { personId: r.personId } })} aria-label={`${t('course.markCompleted')}: ${r.fullName}`}>
                          {t('course.markCompleted')}
                        </Button>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

import { useState } from 'react';
import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Space, Statistic, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate, formatNumber, DATE_INPUT_FORMATS } from '../../lib/format';
import type { CourseSummary } from '../../lib/types';
import { ExportButtons } from '../../components/ExportButtons';
import { ErrorAlert, StatusTag } from '../../components/common';
import { serverPagination } from '../../lib/listPaging';

/** One session a day from the first to the last day of the course. */
export function sessionsBetween(start: string, end: string): { sessionId: string; date: string }[] {
  const out: { sessionId: string; date: string }[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  while (d <= last && out.length < 60) {
    out.push({ sessionId: `s${out.length + 1}`, date: d.toISOString().slice(0, 10) });
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

function ScheduleCourse({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const schedule = useMutation({
    mutationFn: (body: unknown) => api.post<CourseSummary>('training', '/courses', body),
    onSuccess: async () => {
      void message.success(t('course.scheduled'));
      await queryClient.invalidateQueries({ queryKey: ['courses'] });
      onClose();
    },
  });
  return (
    <Modal open title={t('course.schedule')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={schedule.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={schedule.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitCode: principal?.unit, capacity: 30 }}
        onFinish={(v: { topic: string; unitCode: string; capacity: number; dates: [Dayjs, Dayjs]; planDocumentNumber?: string }) => {
          const startDate = v.dates[0].format('YYYY-MM-DD');
          const endDate = v.dates[1].format('YYYY-MM-DD');
          schedule.mutate({
            topic: v.topic,
            unitCode: v.unitCode,
            capacity: v.capacity,
            startDate,
            endDate,
            sessions: sessionsBetween(startDate, endDate),
            trainerId: principal?.username,
            ...(v.planDocumentNumber ? { planDocumentNumber: v.planDocumentNumber } : {}),
          });
        }}
      >
        <Form.Item name="topic" label={t('course.topic')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dates" label={t('course.dates')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker.RangePicker format={DATE_INPUT_FORMATS} />
        </Form.Item>
        <Form.Item name="capacity" label={t('course.capacity')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={1000} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="planDocumentNumber" label={t('course.plan')}>
          <Input placeholder="138/KH-UBND" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Courses in the trainer's unit, paged on the server, with the unit's person-times. */
export function CoursesPage() {
  const { t, i18n } = useTranslation();
  const { principal } = useAuth();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [scheduling, setScheduling] = useState(false);
  const unit = principal?.unit;
  const courses = useQuery({
    queryKey: ['courses', unit, q, page],
    queryFn: () => api.get<Page<CourseSummary>>('training', '/courses', { unit, q, page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const personTimes = useQuery({
    queryKey: ['person-times', unit],
    queryFn: () => api.get<{ personTimes: number; distinctPersons: number; courses: number }>('training', '/person-times', { unit }),
  });
  const canSchedule = hasRole(principal, 'trainer', 'province-admin', 'department-officer', 'commune-officer');
  const lang = i18n.language;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.courses')}
      </Typography.Title>
      <ErrorAlert error={personTimes.error} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('course.personTimes')} loading={personTimes.isLoading} value={formatNumber(personTimes.data?.personTimes, lang)} valueRender={(n) => <span data-testid="person-times">{n}</span>} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('course.distinctPersons')} loading={personTimes.isLoading} value={formatNumber(personTimes.data?.distinctPersons, lang)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('course.courses')} loading={personTimes.isLoading} value={formatNumber(personTimes.data?.courses, lang)} />
          </Card>
        </Col>
      </Row>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('course.searchPlaceholder')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 320 }} />
        <ExportButtons service="training" path="/courses/export" query={{ unit, q }} name="khoa-dao-tao" />
        {canSchedule && (
          <Button type="primary" onClick={() => setScheduling(true)}>
            {t('course.schedule')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />
      <Table<CourseSummary>
        rowKey="courseId"
        loading={courses.isFetching}
        dataSource={courses.data?.items ?? []}
        pagination={serverPagination(t, courses.data, { current: page, pageSize: 10, onChange: setPage })}
        columns={[
          { title: t('course.topic'), render: (_, c) => <Link to={`/courses/${encodeURIComponent(c.courseId)}`}>{c.topic}</Link> },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 130 },
          { title: t('course.dates'), render: (_, c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`, width: 210 },
          { title: t('course.registered'), render: (_, c) => `${c.counts.seatsTaken}/${c.capacity}`, width: 100 },
          { title: t('course.waitlisted'), render: (_, c) => c.counts.waitlisted, width: 110 },
          { title: t('course.personTimes'), render: (_, c) => formatNumber(c.personTimes, lang), width: 120 },
          { title: t('common.status'), render: (_, c) => <StatusTag status={c.status} />, width: 120 },
        ]}
      />
      {scheduling && <ScheduleCourse onClose={() => setScheduling(false)} />}
    </Space>
  );
}

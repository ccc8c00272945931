import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { api } from '../../lib/api';
import type { Registration } from '../../lib/types';
import { ErrorAlert } from '../../components/common';
import { registrationActions, type RegistrationAction } from './actions';

const PATH: Record<RegistrationAction, string> = { review: 'review', approve: 'approve', reject: 'reject', start: 'start', complete: 'complete', withdraw: 'withdraw' };

/** The buttons a user may press on a registration; a refusal appears right here, beside them. */
export function RegistrationActions({ registration, size = 'middle' }: { registration: Registration; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<RegistrationAction>();
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: ({ action, body }: { action: RegistrationAction; body: unknown }) =>
      api.post<Registration>('support-programs', `/registrations/${encodeURIComponent(registration.id)}/${PATH[action]}`, body),
    onSuccess: async (_, { action }) => {
      setDialog(undefined);
      form.resetFields();
      void message.success(t(`registration.done_${action}`));
      const refresh = () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: ['registrations'] }),
          queryClient.invalidateQueries({ queryKey: ['registration', registration.id] }),
          queryClient.invalidateQueries({ queryKey: ['progress'] }),
        ]);
      await refresh();
      // Lists are read models fed by the events: refresh once more when they have caught up.
      setTimeout(() => void refresh(), 1500);
    },
  });
  const actions = registrationActions(registration.status, principal);
  if (!actions.length) return null;
  const needsForm = (a: RegistrationAction) => a === 'reject' || a === 'withdraw' || a === 'complete';
  return (
    <div>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'approve' || a === 'review' ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'withdraw'}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => (needsForm(a) ? setDialog(a) : act.mutate({ action: a, body: {} }))}
          >
            {t(`registration.action_${a}`)}
          </Button>
        ))}
      </Space>
      {!dialog && act.error && <div style={{ marginTop: 8 }}><ErrorAlert error={act.error} /></div>}
      <Modal
        open={!!dialog}
        title={dialog ? t(`registration.action_${dialog}`) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        onCancel={() => {
          setDialog(undefined);
          act.reset();
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {act.error && <ErrorAlert error={act.error} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: Record<string, unknown>) => {
            if (!dialog) return;
            const body =
              dialog === 'complete'
                ? {
                    productivityGainPercent: values.productivityGainPercent,
                    certificatesObtained: values.certificates ? String(values.certificates).split(',').map((s) => s.trim()).filter(Boolean) : [],
                    evidence: [{ title: values.evidenceTitle, reference: values.evidenceReference }],
                  }
                : { reason: values.reason };
            act.mutate({ action: dialog, body });
          }}
        >
          {dialog === 'complete' ? (
            <>
              <Form.Item name="productivityGainPercent" label={t('registration.gain')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={0} max={1000} decimalSeparator="," style={{ width: 160 }} addonAfter="%" />
              </Form.Item>
              <Form.Item name="certificates" label={t('registration.certificates')}>
                <Input placeholder="VietGAP, ISO 9001" />
              </Form.Item>
              <Form.Item name="evidenceTitle" label={t('registration.evidenceTitle')} rules={[{ required: true, message: t('common.required') }]}>
                <Input />
              </Form.Item>
              <Form.Item name="evidenceReference" label={t('registration.evidenceReference')} rules={[{ required: true, message: t('common.required') }]}>
                <Input placeholder="05/BB-VHXH" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}

import { type ReactNode, useState } from 'react';
import { App as AntApp, Button, Form, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './common';

/**
 * A button that opens a small form and sends it; the API's refusal is shown inside the form, where
 * the user acted, and nothing closes until the API accepted.
 */
export function ActionForm<V extends object>({
  label,
  title,
  children,
  toBody,
  send,
  onDone,
  doneMessage,
  danger,
  primary,
  initialValues,
}: {
  label: string;
  title?: string;
  children: ReactNode;
  toBody: (values: V) => unknown;
  send: (body: unknown) => Promise<unknown>;
  onDone?: () => void | Promise<void>;
  doneMessage: string;
  danger?: boolean;
  primary?: boolean;
  initialValues?: Partial<V>;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(doneMessage);
      await onDone?.();
    },
  });
  return (
    <>
      <Button danger={danger} type={primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
        destroyOnHidden
      >
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => mutation.mutate(toBody(v as V))}>
          {children}
        </Form>
      </Modal>
    </>
  );
}

import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormSelect } from '../../components/FormSelect';

export const SIZES = ['micro', 'small', 'medium', 'large'];
export const GROUPS = ['sme', 'cooperative', 'startup', 'st-enterprise', 'ocop-producer'];

/** Where the enterprise is and what it is: the profile fields registering, claiming and correcting ask for. */
export function ProfileFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="sector" label={t('enterprise.sector')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="size" label={t('enterprise.size')}>
        <FormSelect options={SIZES.map((x) => ({ value: x, label: t(`enterprise.size_${x}`) }))} />
      </Form.Item>
      <Form.Item name="group" label={t('enterprise.group')}>
        <FormSelect options={GROUPS.map((x) => ({ value: x, label: t(`enterprise.group_${x}`) }))} />
      </Form.Item>
    </>
  );
}

import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormSelect } from '../../components/FormSelect';

export const SIZES = ['micro', 'small', 'medium', 'large'];
export const GROUPS = ['sme', 'cooperative', 'startup', 'st-enterprise', 'ocop-producer'];

/** Who the enterprise is: the name and the tax code it is registered under (asked once, at registration). */
export function IdentityFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('enterprise.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="taxCode" label={t('enterprise.taxCode')} rules={[{ required: true, pattern: /^[\d\s.-]{10,17}$/, message: t('enterprise.taxCodeRule') }]}>
        <Input inputMode="numeric" />
      </Form.Item>
    </>
  );
}

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

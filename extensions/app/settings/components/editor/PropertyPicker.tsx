import { Input, Select } from '@hubspot/ui-extensions';
import type { DocPath } from '../../utils/agreementPaths';
import { formatPath } from '../../utils/agreementPaths';
import { useSettingsMessages } from '../../i18n/useSettingsMessages';
import { useEditor } from './EditorContext';

/** Picks a contact property, or `company.<name>` for the primary company, from the portal's real properties. */
export function PropertyPicker({
  path,
  label,
  companyToo = true,
}: {
  path: DocPath;
  label?: string;
  companyToo?: boolean;
}) {
  const { t } = useSettingsMessages();
  const { properties, valueAt, update, errorProps } = useEditor();
  const value = (valueAt(path) as string | undefined) ?? '';
  const name = formatPath(path);
  if (!properties) {
    return (
      <Input
        label={label ?? t.property}
        name={name}
        value={value}
        onChange={(v) => update(path, v)}
        {...errorProps(path)}
        testId={name}
      />
    );
  }
  const options = [
    ...properties.contact.map((p) => ({ value: p.name, label: `${t.contactGroup}: ${p.label} (${p.name})` })),
    ...(companyToo
      ? properties.company.map((p) => ({
          value: `company.${p.name}`,
          label: `${t.companyGroup}: ${p.label} (${p.name})`,
        }))
      : []),
  ];
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      label={label ?? t.property}
      name={name}
      placeholder={t.propertyPlaceholder}
      value={value}
      options={options}
      onChange={(v) => update(path, String(v))}
      {...errorProps(path)}
      testId={name}
    />
  );
}

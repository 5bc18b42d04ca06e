import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useOrganization, useOrganizationSearch } from '../api';

/** Picks an organisation by typing part of its name or its NPSN (the API searches; the first 20 are offered). */
export function OrganizationPicker({
  label,
  value,
  onChange,
  error,
  required,
  clearable,
  description,
}: {
  label: string;
  value: string;
  onChange(id: string): void;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  description?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const current = useOrganization(value || null);
  const found = useOrganizationSearch(current.data && search === current.data.name ? '' : debounced.trim());
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (current.data && !options.some((o) => o.value === current.data.id)) options.unshift({ value: current.data.id, label: current.data.name });
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('admin.orgPicker.placeholder')}
      searchable
      clearable={clearable}
      required={required}
      error={error}
      data={options}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('admin.orgPicker.nothing')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An organisation's name by its id (cached per organisation). */
export function OrganizationName({ id }: { id: string | null }) {
  const org = useOrganization(id);
  if (!id) return <>–</>;
  return <>{org.data?.name ?? '…'}</>;
}

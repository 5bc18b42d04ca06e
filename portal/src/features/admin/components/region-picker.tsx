import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useI18n } from '../../../i18n';
import { useRegions } from '../api';

/**
 * A region picked as province → regency/city from GET /regions. `level` says what the value may be:
 * a regency/city code (a school), a province code (a province office), or either (a list filter,
 * where "the whole province" is a choice).
 */
export function RegionPicker({
  value,
  onChange,
  level,
  error,
  required,
  provinceLabel,
  regencyLabel,
}: {
  value: string;
  onChange(code: string): void;
  level: 'regency' | 'province' | 'any';
  error?: string;
  required?: boolean;
  provinceLabel?: string;
  regencyLabel?: string;
}) {
  const { t } = useI18n();
  const province = value.slice(0, 2);
  const provinces = useRegions(null);
  const regencies = useRegions(province || null, level !== 'province' && province !== '');
  const provinceItems = provinces.data?.items ?? [];
  const regencyItems = province ? (regencies.data?.items ?? []) : [];
  // A code not in the catalogue stays selectable until the list says otherwise.
  const withCurrent = (items: { value: string; label: string }[], code: string) => (code && !items.some((i) => i.value === code) ? [{ value: code, label: code }, ...items] : items);

  return (
    <SimpleGrid cols={{ base: 1, sm: level === 'province' ? 1 : 2 }}>
      <NativeSelect
        label={provinceLabel ?? t('admin.region.province')}
        required={required}
        value={province}
        error={level === 'province' ? error : undefined}
        disabled={provinces.isPending}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: level === 'any' ? t('admin.region.allProvinces') : t('admin.region.pickProvince') }, ...withCurrent(provinceItems.map((r) => ({ value: r.code, label: r.name })), province)]}
      />
      {level !== 'province' && (
        <NativeSelect
          label={regencyLabel ?? t('admin.region.regency')}
          required={required && level === 'regency'}
          value={value.includes('.') ? value : ''}
          error={error}
          disabled={!province || regencies.isPending}
          onChange={(e) => onChange(e.currentTarget.value || province)}
          data={[
            { value: '', label: level === 'any' ? t('admin.region.wholeProvince') : t('admin.region.pickRegency') },
            ...withCurrent(
              regencyItems.map((r) => ({ value: r.code, label: r.name })),
              value.includes('.') ? value : '',
            ),
          ]}
        />
      )}
    </SimpleGrid>
  );
}

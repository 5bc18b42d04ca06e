import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The districts (kecamatan) of a regency/city, from GET /regions. */
export function useDistricts(regencyCode: string | null) {
  return useQuery({
    queryKey: ['regions', { regencyCode: regencyCode ?? '' }] as const,
    enabled: !!regencyCode,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/regions', { params: { query: { regencyCode: regencyCode ?? '' } } })),
  });
}

/** A district (kecamatan) of one regency/city; empty means none chosen (or, as a filter, all). */
export function DistrictSelect({
  regencyCode,
  value,
  onChange,
  label,
  emptyLabel,
  error,
  w,
}: {
  regencyCode: string;
  value: string;
  onChange(code: string): void;
  label: string;
  emptyLabel: string;
  error?: string;
  w?: Record<string, number | string>;
}) {
  const regency = regencyCode.includes('.') ? regencyCode : null;
  const districts = useDistricts(regency);
  const items = (regency ? (districts.data?.items ?? []) : []).map((r) => ({ value: r.code, label: r.name }));
  if (value && !items.some((i) => i.value === value)) items.unshift({ value, label: value });
  return (
    <NativeSelect
      label={label}
      value={value}
      error={error}
      w={w}
      disabled={!regency || districts.isPending}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: emptyLabel }, ...items]}
    />
  );
}

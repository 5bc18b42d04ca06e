import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, download, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

export type FacilityItem = components['schemas']['FacilityItemResponse'];
export type FacilityDetail = components['schemas']['FacilityItemDetailResponse'];
export type ConditionCheck = components['schemas']['ConditionCheckResponse'];
export type FacilityDocument = components['schemas']['DocumentResponse'];
export type CreateFacilityBody = components['schemas']['CreateFacilityItemDto'];
export type FacilityCategory = FacilityItem['category'];
export type FacilityCondition = ConditionCheck['condition'];
export type FacilityFilters = Omit<NonNullable<paths['/api/v1/facilities']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** The categories and conditions of the API's catalogue, in its order (their names come from the strings of this area). */
export const FACILITY_CATEGORIES: FacilityCategory[] = ['library', 'sanitation_handwashing', 'school_health_unit', 'classroom_furniture', 'ict', 'learning_media', 'building_repair', 'other'];
export const FACILITY_CONDITIONS: FacilityCondition[] = ['good', 'minor_repair', 'major_repair', 'out_of_use', 'lost'];

/** Cache keys, named after the API's resources. */
export const facilityKeys = {
  all: ['facilities'] as const,
  list: (filters: FacilityFilters) => ['facilities', 'list', filters] as const,
  one: (id: string) => ['facilities', id] as const,
};

/** The items the reader may see, newest first, with the URL's filters, a page at a time. */
export function useFacilityList(filters: FacilityFilters) {
  return useInfiniteQuery({
    queryKey: facilityKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/facilities', { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useFacility(id: string) {
  return useQuery({ queryKey: facilityKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/facilities/{id}', { params: { path: { id } } })) });
}

// The company's partnerships and a program's years, as the grant forms read them (the same queries).
export { usePartnerships, useProgramYears } from '../grants/api';

/** Multipart form data: the fields, then the file when there is one. */
function formOf(fields: Record<string, string | undefined>, file: File | null): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
  if (file) form.append('file', file);
  return form;
}

/** The calls that write facilities support; each answers the item as the server now has it. */
export const facilityCalls = {
  create: (body: CreateFacilityBody) => unwrap(api.POST('/api/v1/facilities', { body })),
  handover: (id: string, fields: { handoverNumber: string; handedOverOn: string; receivedBy: string }, file: File | null) =>
    // The typed body names the file as a string (the document's binary format); the form data carries the File itself.
    unwrap(api.POST('/api/v1/facilities/{id}/handover', { params: { path: { id } }, body: { ...fields, file: '' }, bodySerializer: () => formOf(fields, file) })),
  check: (id: string, fields: { condition: FacilityCondition; checkedOn: string; note?: string }, file: File | null) =>
    unwrap(api.POST('/api/v1/facilities/{id}/condition-checks', { params: { path: { id } }, body: fields, bodySerializer: () => formOf(fields, file) })),
  /** Downloads the handover scan or a check's photo. */
  download: (id: string, doc: Pick<FacilityDocument, 'id' | 'filename'>) => download(`/api/v1/facilities/${id}/documents/${doc.id}`, doc.filename),
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Organization = components['schemas']['OrganizationResponse'];
export type OrganizationChanges = Omit<components['schemas']['UpdateOrganizationDto'], 'version'>;
export type Contact = components['schemas']['ContactResponse'];
export type ContactFields = components['schemas']['CreateContactDto'];
export type SchoolTimeline = components['schemas']['SchoolTimelineResponse'];
export type TimelineYear = components['schemas']['SchoolTimelineYearResponse'];
export type TimelineEvent = components['schemas']['TimelineEventResponse'];

export const organizationKey = (id: string) => ['organizations', id] as const;
export const contactsKey = (organizationId: string) => ['organizations', organizationId, 'contacts'] as const;
export const timelineKey = (schoolId: string) => ['schools', schoolId, 'timeline'] as const;

export function fetchOrganization(id: string): Promise<Organization> {
  return unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } }));
}

/** The organisation's profile, as the API has it now. */
export function useOrganization(id: string) {
  return useQuery({ queryKey: organizationKey(id), queryFn: () => fetchOrganization(id) });
}

/** Saves changed profile fields on top of the version they were based on (409 when someone saved first). */
export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: OrganizationChanges }) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body: { ...changes, version } })),
    onSuccess: (saved) => queryClient.setQueryData(organizationKey(id), saved),
  });
}

/** The organisation's contact people (at most a page of 100: a school has a handful). */
export function fetchContacts(organizationId: string): Promise<{ items: Contact[] }> {
  return unwrap(api.GET('/api/v1/organizations/{organizationId}/contacts', { params: { path: { organizationId }, query: { limit: 100 } } }));
}

export function useContacts(organizationId: string) {
  return useQuery({ queryKey: contactsKey(organizationId), queryFn: () => fetchContacts(organizationId) });
}

export function useSaveContact(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, fields }: { id?: string; version?: number; fields: ContactFields }) =>
      id && version !== undefined
        ? unwrap(api.PATCH('/api/v1/organizations/{organizationId}/contacts/{id}', { params: { path: { organizationId, id } }, body: { ...fields, version } }))
        : unwrap(api.POST('/api/v1/organizations/{organizationId}/contacts', { params: { path: { organizationId } }, body: fields })),
    // Making one contact the primary one unsets another: reload the list rather than patch it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactsKey(organizationId) }),
  });
}

export function useRemoveContact(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/organizations/{organizationId}/contacts/{id}', { params: { path: { organizationId, id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactsKey(organizationId) }),
  });
}

/** The school's partnerships year by year, with each year's events and figures. */
export function useSchoolTimeline(schoolId: string, lang: string) {
  return useQuery({
    queryKey: [...timelineKey(schoolId), lang],
    // The report also comes as CSV or XLSX: ask for JSON (the session adds the language).
    queryFn: () =>
      unwrap(api.GET('/api/v1/schools/{id}/timeline', { params: { path: { id: schoolId } }, headers: { Accept: 'application/json' } })) as Promise<SchoolTimeline>,
  });
}

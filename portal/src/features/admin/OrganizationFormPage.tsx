import { Anchor, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TOPICS } from '../../api/catalog';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { ConflictAlert } from '../../ui/conflict-alert';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatDateTime } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import {
  adminKeys,
  fetchOrganization,
  ORGANIZATION_TYPES,
  SCHOOL_LEVELS,
  useCreateOrganization,
  useOrganization,
  useUpdateOrganization,
  type CreateOrganizationBody,
  type Organization,
  type OrganizationType,
  type UpdateOrganizationBody,
} from './api';
import { RequirePermission } from './components/guard';
import { DistrictSelect } from '../../ui/district-select';
import { RegionPicker } from './components/region-picker';

interface OrgValues {
  type: OrganizationType;
  name: string;
  npsn: string;
  schoolLevel: string;
  ownership: string;
  officeLevel: string;
  regionCode: string;
  districtCode: string;
  sector: string;
  address: string;
  studentCount: string;
  teacherCount: string;
  principalName: string;
  needs: string[];
}
type Field = keyof OrgValues;

/** Which fields each type of organisation has (the API refuses the others). */
const FIELDS_OF: Record<OrganizationType, Field[]> = {
  school: ['name', 'npsn', 'schoolLevel', 'ownership', 'regionCode', 'districtCode', 'address', 'studentCount', 'teacherCount', 'principalName', 'needs'],
  company: ['name', 'sector', 'regionCode', 'address'],
  education_office: ['name', 'officeLevel', 'regionCode', 'address'],
  facilitator: ['name', 'regionCode', 'address'],
  other: ['name', 'regionCode', 'address'],
};

function toValues(o: Organization): OrgValues {
  return {
    type: o.type,
    name: o.name,
    npsn: o.npsn ?? '',
    schoolLevel: o.schoolLevel ?? '',
    ownership: o.ownership ?? '',
    officeLevel: o.officeLevel ?? '',
    regionCode: o.regionCode ?? '',
    districtCode: o.districtCode ?? '',
    sector: o.sector ?? '',
    address: o.address ?? '',
    studentCount: o.studentCount === null ? '' : String(o.studentCount),
    teacherCount: o.teacherCount === null ? '' : String(o.teacherCount),
    principalName: o.principalName ?? '',
    needs: [...o.needs],
  };
}

const empty = (type: OrganizationType): OrgValues => ({
  type,
  name: '',
  npsn: '',
  schoolLevel: type === 'school' ? 'SD' : '',
  ownership: '',
  officeLevel: type === 'education_office' ? 'regency' : '',
  regionCode: '',
  districtCode: '',
  sector: '',
  address: '',
  studentCount: '',
  teacherCount: '',
  principalName: '',
  needs: [],
});

/** A count as typed: empty clears it; anything that is not a whole number goes as typed, for the API to name. */
function toCount(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : (s as unknown as number);
}

/** A field's value as the API takes it; null clears an optional value. */
function apiValue(field: Field, v: OrgValues): unknown {
  if (field === 'needs') return v.needs;
  if (field === 'studentCount' || field === 'teacherCount') return toCount(v[field]);
  const text = (v[field] as string).trim();
  return text === '' ? null : text;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** /admin/organizations/new (?type=school): registers an organisation. */
export function NewOrganizationPage() {
  return (
    <RequirePermission permission="organizations:manage">
      <NewOrganization />
    </RequirePermission>
  );
}

/** /admin/organizations/:id: changes, archives or restores an organisation. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="organizations:manage">
      <EditOrganization id={id} />
    </RequirePermission>
  );
}

function NewOrganization() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const type = (ORGANIZATION_TYPES as string[]).includes(params.get('type') ?? '') ? (params.get('type') as OrganizationType) : 'school';
  return (
    <Stack gap="lg">
      <BackLink to="/admin/organizations">{t('admin.orgs.backToList')}</BackLink>
      <Title order={1}>{t('admin.orgs.newTitle')}</Title>
      <NativeSelect
        label={t('admin.orgs.type')}
        value={type}
        onChange={(e) => setParams({ type: e.currentTarget.value }, { replace: true })}
        data={ORGANIZATION_TYPES.map((v) => ({ value: v, label: t(`admin.orgType.${v}`) }))}
        maw={360}
      />
      <OrganizationForm key={type} initial={empty(type)} />
    </Stack>
  );
}

function EditOrganization({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const org = useOrganization(id);
  if (org.isPending || org.isError) return <PageState loading={org.isPending} error={org.error} />;
  const o = org.data;
  return (
    <Stack gap="lg">
      <BackLink to="/admin/organizations">{t('admin.orgs.backToList')}</BackLink>
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{o.name}</Title>
          {o.archivedAt ? <StatusBadge color="gray">{t('admin.orgs.archived')}</StatusBadge> : <StatusBadge color="teal">{t('admin.orgs.active')}</StatusBadge>}
        </Group>
        <Text c="gray.7">
          {t(`admin.orgType.${o.type}`)}
          {o.archivedAt ? ` · ${t('admin.orgs.archivedOn', { date: formatDateTime(o.archivedAt, lang) })}` : ''}
        </Text>
        <Group gap="md" mt="xs">
          <Anchor component={Link} to={`/admin/users?organizationId=${o.id}`} size="sm">
            {t('admin.orgs.usersLink')}
          </Anchor>
          <Anchor component={Link} to={`/admin/audit?entityType=organization&entityId=${o.id}`} size="sm">
            {t('admin.orgs.auditLink')}
          </Anchor>
        </Group>
      </div>
      <OrganizationForm key={o.id} org={o} initial={toValues(o)} />
      <ArchiveCard org={o} />
    </Stack>
  );
}

function OrganizationForm({ org, initial }: { org?: Organization; initial: OrgValues }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateOrganization();
  const update = useUpdateOrganization(org?.id ?? '');
  const [basis, setBasis] = useState(() => ({ version: org?.version ?? 0, values: initial }));
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  const [conflict, setConflict] = useState<{ shown: Array<{ label: string; value: string }>; mine: Partial<OrgValues> } | null>(null);
  const form = useForm<OrgValues>({ defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const type = initial.type;
  const fields = FIELDS_OF[type];
  const has = (f: Field) => fields.includes(f);
  const officeLevel = form.watch('officeLevel');
  // A newer version saved elsewhere on this page (archived, restored): take it while nothing is being typed.
  useEffect(() => {
    if (org && org.version > basis.version && !form.formState.isDirty && !conflict) {
      setBasis({ version: org.version, values: toValues(org) });
      form.reset(toValues(org));
    }
  }, [org, basis.version, form, conflict]);

  const labels: Record<Field, string> = {
    type: t('admin.orgs.type'),
    name: t('admin.orgs.name'),
    npsn: t('admin.orgs.npsn'),
    schoolLevel: t('admin.orgs.level'),
    ownership: t('admin.orgs.ownership'),
    officeLevel: t('admin.orgs.officeLevel'),
    regionCode: type === 'education_office' ? t('admin.orgs.jurisdiction') : t('admin.orgs.region'),
    districtCode: t('admin.orgs.district'),
    sector: t('admin.orgs.sector'),
    address: t('admin.orgs.address'),
    studentCount: t('admin.orgs.studentCount'),
    teacherCount: t('admin.orgs.teacherCount'),
    principalName: t('admin.orgs.principalName'),
    needs: t('admin.orgs.needs'),
  };
  const labelOf = (name: string) => (name in labels ? labels[name as Field] : undefined);
  const shown = (field: Field, v: OrgValues): string => {
    if (field === 'needs') return v.needs.map((n) => t(`common.topic.${n}`)).join(', ') || t('admin.emptyValue');
    const raw = v[field] as string;
    if (raw === '') return t('admin.emptyValue');
    if (field === 'ownership') return t(`admin.ownership.${raw}`);
    if (field === 'officeLevel') return t(`admin.officeLevel.${raw}`);
    return raw;
  };

  const reload = (fresh: Organization) => {
    setBasis({ version: fresh.version, values: toValues(fresh) });
    form.reset(toValues(fresh));
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setConflict(null);
    try {
      if (!org) {
        const body: Record<string, unknown> = { type };
        for (const f of fields) {
          const v = apiValue(f, values);
          if (v !== null && !(Array.isArray(v) && v.length === 0)) body[f] = v;
        }
        const saved = await create.mutateAsync(body as unknown as CreateOrganizationBody);
        notify(t('admin.orgs.created', { name: saved.name }));
        void navigate(`/admin/organizations/${saved.id}`);
        return;
      }
      const changed = fields.filter((f) => (f === 'needs' ? !sameList(values.needs, basis.values.needs) : values[f] !== basis.values[f]));
      if (changed.length === 0) {
        notify(t('admin.nothingChanged'), { color: 'gray' });
        return;
      }
      const body: Record<string, unknown> = { version: basis.version };
      for (const f of changed) body[f] = apiValue(f, values);
      const saved = await update.mutateAsync(body as unknown as UpdateOrganizationBody);
      reload(saved);
      notify(t('admin.orgs.saved'));
    } catch (err) {
      const p = toProblem(err);
      if (org && p.isConflict && p.code === 'stale_version') {
        // Someone saved first: load the newer profile and keep what this person typed, to apply again.
        const fresh = await queryClient.fetchQuery({ queryKey: adminKeys.organization(org.id), queryFn: () => fetchOrganization(org.id), staleTime: 0 });
        const changed = fields.filter((f) => (f === 'needs' ? !sameList(values.needs, basis.values.needs) : values[f] !== basis.values[f]));
        const mine = Object.fromEntries(changed.map((f) => [f, values[f]])) as Partial<OrgValues>;
        setConflict({ shown: changed.map((f) => ({ label: labels[f], value: shown(f, values) })), mine });
        reload(fresh);
        return;
      }
      if (p.code === 'npsn_taken') form.setError('npsn', { type: 'server', message: p.title }, { shouldFocus: true });
      setProblem({ error: err, rest: applyProblemToForm(form, err, { label: labelOf }) });
    }
  });

  const reapply = () => {
    if (!conflict) return;
    for (const [field, value] of Object.entries(conflict.mine)) form.setValue(field as Field, value as never, { shouldDirty: true });
    setConflict(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="org-form-title">
      <Title order={2} size="h3" id="org-form-title" mb="md">
        {org ? t('admin.orgs.editTitle') : t(`admin.orgs.profileTitle.${type}`)}
      </Title>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {conflict && <ConflictAlert unsaved={conflict.shown} onReapply={reapply} />}
          {problem && <ProblemAlert error={problem.error} extra={problem.rest} labelOf={(f) => labelOf(f) ?? f} />}
          <TextInput label={labels.name} required {...form.register('name')} error={errors.name?.message} />
          {has('npsn') && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={labels.npsn} required inputMode="numeric" description={t('admin.orgs.npsnHint')} {...form.register('npsn')} error={errors.npsn?.message} />
              <NativeSelect label={labels.schoolLevel} required {...form.register('schoolLevel')} error={errors.schoolLevel?.message} data={SCHOOL_LEVELS.map((l) => ({ value: l, label: l }))} />
              <NativeSelect
                label={labels.ownership}
                {...form.register('ownership')}
                error={errors.ownership?.message}
                data={[
                  { value: '', label: t('admin.notStated') },
                  { value: 'public', label: t('admin.ownership.public') },
                  { value: 'private', label: t('admin.ownership.private') },
                ]}
              />
            </SimpleGrid>
          )}
          {has('officeLevel') && (
            <NativeSelect
              label={labels.officeLevel}
              required
              {...form.register('officeLevel', { onChange: () => form.setValue('regionCode', '') })}
              error={errors.officeLevel?.message}
              data={[
                { value: 'regency', label: t('admin.officeLevel.regency') },
                { value: 'province', label: t('admin.officeLevel.province') },
              ]}
            />
          )}
          {has('sector') && <TextInput label={labels.sector} {...form.register('sector')} error={errors.sector?.message} />}
          <Controller
            control={form.control}
            name="regionCode"
            render={({ field }) => (
              <div role="group" aria-label={labels.regionCode}>
                <RegionPicker
                  value={field.value}
                  onChange={(code) => {
                    field.onChange(code);
                    // A district belongs to one regency/city: another one clears it.
                    if (form.getValues('districtCode').slice(0, 5) !== code) form.setValue('districtCode', '', { shouldDirty: true });
                  }}
                  level={type === 'school' ? 'regency' : type === 'education_office' ? (officeLevel === 'province' ? 'province' : 'regency') : 'any'}
                  required={type === 'school' || type === 'education_office'}
                  error={errors.regionCode?.message}
                  provinceLabel={type === 'education_office' && officeLevel === 'province' ? labels.regionCode : undefined}
                />
              </div>
            )}
          />
          {has('districtCode') && (
            <Controller
              control={form.control}
              name="districtCode"
              render={({ field }) => (
                <DistrictSelect
                  regencyCode={form.watch('regionCode')}
                  value={field.value}
                  onChange={field.onChange}
                  label={labels.districtCode}
                  emptyLabel={t('admin.region.noDistrict')}
                  error={errors.districtCode?.message}
                />
              )}
            />
          )}
          <Textarea label={labels.address} autosize minRows={2} {...form.register('address')} error={errors.address?.message} />
          {type === 'school' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={labels.studentCount} inputMode="numeric" {...form.register('studentCount')} error={errors.studentCount?.message} />
                <TextInput label={labels.teacherCount} inputMode="numeric" {...form.register('teacherCount')} error={errors.teacherCount?.message} />
              </SimpleGrid>
              <TextInput label={labels.principalName} {...form.register('principalName')} error={errors.principalName?.message} />
              <Controller
                control={form.control}
                name="needs"
                render={({ field }) => (
                  <Checkbox.Group label={labels.needs} value={field.value} onChange={field.onChange} error={errors.needs?.message}>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                      {TOPICS.map((topic) => (
                        <Checkbox key={topic} value={topic} label={t(`common.topic.${topic}`)} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                )}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {org ? t('admin.orgs.save') : t('admin.orgs.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Archiving takes an organisation out of the lists; restoring brings it back. */
function ArchiveCard({ org }: { org: Organization }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateOrganization(org.id);
  const [error, setError] = useState<unknown>(null);
  const archived = !!org.archivedAt;
  const toggle = async () => {
    setError(null);
    try {
      await update.mutateAsync({ version: org.version, archived: !archived });
      notify(archived ? t('admin.orgs.restored') : t('admin.orgs.archivedDone'));
    } catch (err) {
      setError(err);
      if (toProblem(err).isConflict) void queryClient.invalidateQueries({ queryKey: adminKeys.organization(org.id) });
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="org-archive-title">
      <Title order={2} size="h3" id="org-archive-title" mb="xs">
        {archived ? t('admin.orgs.restoreTitle') : t('admin.orgs.archiveTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {archived ? t('admin.orgs.restoreHint') : t('admin.orgs.archiveHint')}
      </Text>
      {error !== null && <ProblemAlert error={error} />}
      <Button
        mt={error ? 'sm' : 0}
        variant={archived ? 'filled' : 'outline'}
        color={archived ? 'teal' : 'red'}
        leftSection={archived ? <IconRestore size={16} aria-hidden="true" /> : <IconArchive size={16} aria-hidden="true" />}
        loading={update.isPending}
        onClick={() => void toggle()}
      >
        {archived ? t('admin.orgs.restore') : t('admin.orgs.archive')}
      </Button>
    </Card>
  );
}

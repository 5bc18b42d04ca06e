import { Anchor, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useSetUrlParams } from '../../ui/url-filters';
import { PageState } from '../../ui/problems';
import { useAssignmentList, useProgramYears, type Assignment, type AssignmentFilter } from './api';
import { AssignmentFlags, AssignmentProgress } from './components/progress';

/** The list's filters from the URL, under the API's own parameter names. */
export function filterFromParams(params: URLSearchParams): AssignmentFilter {
  const flag = (name: string) => (params.get(name) === 'true' ? true : params.get(name) === 'false' ? false : undefined);
  const text = (name: string) => params.get(name) || undefined;
  return {
    programYearId: text('programYearId'),
    schoolId: text('schoolId'),
    facilitatorUserId: text('facilitatorUserId'),
    includeEnded: flag('includeEnded'),
    noContact: flag('noContact'),
  };
}

/** /mentoring for a CSR officer (and other readers): every assignment with its progress and flags, filtered from the URL. */
export function AssignmentsPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const [params] = useSearchParams();
  const filter = filterFromParams(params);
  const canAssign = hasPermission('mentoring:assign');
  const years = useProgramYears();
  const list = useAssignmentList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setUrl = useSetUrlParams();
  const change = (name: keyof AssignmentFilter, value: string | undefined) => setUrl({ [name]: value });
  const newLink = filter.programYearId ? `/mentoring/assignments/new?programYearId=${filter.programYearId}` : '/mentoring/assignments/new';
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('mentoring.assignments.title')}</Title>
          <Text c="gray.7">{t('mentoring.assignments.intro')}</Text>
        </div>
        {canAssign && (
          <Button component={Link} to={newLink} leftSection={<IconUserPlus size={18} aria-hidden="true" />}>
            {t('mentoring.assignments.assign')}
          </Button>
        )}
      </Group>
      <section aria-labelledby="assignment-filters">
        <Title order={2} size="h4" id="assignment-filters" mb="xs">
          {t('mentoring.assignments.filters')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('mentoring.assignments.year')}
            value={filter.programYearId ?? ''}
            onChange={(e) => change('programYearId', e.currentTarget.value)}
            data={[{ value: '', label: t('mentoring.assignments.allYears') }, ...(years.data ?? []).map((y) => ({ value: y.id, label: `${y.programName} · ${y.year}` }))]}
            style={{ minWidth: 240 }}
          />
          <Checkbox label={t('mentoring.assignments.onlyNoContact')} checked={filter.noContact === true} onChange={(e) => change('noContact', e.currentTarget.checked ? 'true' : undefined)} />
          <Checkbox label={t('mentoring.assignments.includeEnded')} checked={filter.includeEnded === true} onChange={(e) => change('includeEnded', e.currentTarget.checked ? 'true' : undefined)} />
        </Group>
        {(filter.schoolId || filter.facilitatorUserId) && (
          <Group gap="xs" mt="xs">
            <Text size="sm">{t('mentoring.assignments.narrowed')}</Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setUrl({ schoolId: null, facilitatorUserId: null });
              }}
            >
              {t('mentoring.assignments.clearNarrow')}
            </Button>
          </Group>
        )}
      </section>
      <section aria-labelledby="assignment-list">
        <Title order={2} size="h4" id="assignment-list" mb="xs">
          {t('mentoring.assignments.list')}
        </Title>
        {list.isPending || list.isError ? (
          <PageState loading={list.isPending} error={list.error} />
        ) : items.length === 0 ? (
          <Text>{t(filter.noContact ? 'mentoring.assignments.emptyNoContact' : 'mentoring.assignments.empty')}</Text>
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {items.map((a) => (
                <AssignmentCard key={a.id} assignment={a} />
              ))}
            </SimpleGrid>
            <LoadMore list={list} />
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function AssignmentCard({ assignment: a }: { assignment: Assignment }) {
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`assignment-${a.id}`}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={`assignment-${a.id}`}>
            <Anchor component={Link} to={`/mentoring/assignments/${a.id}`} inherit>
              {a.school.name}
            </Anchor>
          </Title>
          <Text size="sm" c="gray.7">
            {a.facilitator.fullName ?? '–'} · {a.programYear.programName} {a.programYear.year}
          </Text>
        </div>
        <AssignmentFlags assignment={a} />
        <AssignmentProgress assignment={a} />
      </Stack>
    </Card>
  );
}

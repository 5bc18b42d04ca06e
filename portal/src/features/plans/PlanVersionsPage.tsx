import { Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { usePlan, usePlanDiff, usePlanVersion, usePlanVersions, type PlanDiff, type PlanVersion } from './plan-api';
import { diffValueText } from './plan-diff';
import { fieldLabel, type NamedContent } from './plan-form';
import { PlainBadge, PlanHeader } from './PlanParts';

const OUTCOME_COLOR: Record<PlanVersion['outcome'], string> = { pending: 'blue', changes_requested: 'orange', approved: 'teal', withdrawn: 'gray' };
const CHANGE_COLOR: Record<PlanDiff['changes'][number]['change'], string> = { added: 'teal', removed: 'red', changed: 'blue' };

/** Every submitted version of a plan, and what changed between any two of them. */
export function PlanVersionsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const plan = usePlan(id);
  const versions = usePlanVersions(id);
  const items = versions.data?.items ?? [];
  const newest = items.length > 0 ? items[items.length - 1].number : null;
  // A link may name the two versions (?version=3&against=2), e.g. from a resubmitted plan's page.
  const [params] = useSearchParams();
  const fromUrl = (name: string) => (/^[1-9]\d*$/.test(params.get(name) ?? '') ? Number(params.get(name)) : null);
  const [chosenNewer, setNewer] = useState<number | null>(() => fromUrl('version'));
  const [chosenOlder, setOlder] = useState<number | null | 'empty'>(() => fromUrl('against'));
  const newer = chosenNewer !== null && items.some((v) => v.number === chosenNewer) ? chosenNewer : newest;
  const olderDefault = newer !== null && newer > 1 ? newer - 1 : 'empty';
  let older = chosenOlder ?? olderDefault;
  if (older !== 'empty' && newer !== null && older >= newer) older = olderDefault;

  if (plan.isPending || versions.isPending) return <PageState loading />;
  if (plan.isError) return <PageState error={plan.error} />;
  if (versions.isError) return <PageState error={versions.error} />;

  return (
    <Stack gap="md">
      <PlanHeader plan={plan.data} current="versions" />
      <Card withBorder component="section" aria-labelledby="versions-title">
        <Title order={2} size="h3" id="versions-title" mb="sm">
          {t('plans.versions.title')}
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">{t('plans.versions.none')}</Text>
        ) : (
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {[...items].reverse().map((v) => (
              <li key={v.number}>
                <Paper withBorder p="sm" radius="md">
                  <Group justify="space-between" gap="xs">
                    <div>
                      <Text fw={600}>
                        {t('plans.versions.version', { n: v.number })}
                        {v.revision > 0 ? ` · ${t('plans.header.revision', { n: v.revision })}` : ''}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t('plans.versions.submittedBy', { name: v.submittedBy.fullName ?? '' })} · <DateText value={v.submittedAt} withTime />
                      </Text>
                    </div>
                    <Group gap={6}>
                      {v.late && (
                        <PlainBadge color="orange">
                          {t('plans.versions.late')}
                        </PlainBadge>
                      )}
                      <PlainBadge color={OUTCOME_COLOR[v.outcome]}>
                        {t(`plans.outcome.${v.outcome}`)}
                      </PlainBadge>
                    </Group>
                  </Group>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
      </Card>
      {newer !== null && (
        <Card withBorder component="section" aria-labelledby="diff-title">
          <Title order={2} size="h3" id="diff-title" mb="sm">
            {t('plans.diff.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('plans.diff.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" maw={560}>
            <NativeSelect
              label={t('plans.diff.older')}
              value={String(older)}
              onChange={(e) => setOlder(e.currentTarget.value === 'empty' ? 'empty' : Number(e.currentTarget.value))}
              data={[
                ...(newer === 1 ? [{ value: 'empty', label: t('plans.diff.empty') }] : []),
                ...items.filter((v) => v.number < newer).map((v) => ({ value: String(v.number), label: t('plans.versions.version', { n: v.number }) })),
              ]}
            />
            <NativeSelect
              label={t('plans.diff.newer')}
              value={String(newer)}
              onChange={(e) => {
                setNewer(Number(e.currentTarget.value));
                setOlder(null);
              }}
              data={items.map((v) => ({ value: String(v.number), label: t('plans.versions.version', { n: v.number }) }))}
            />
          </SimpleGrid>
          <DiffTable planId={id} newer={newer} older={older === 'empty' ? null : older} />
        </Card>
      )}
    </Stack>
  );
}

function DiffTable({ planId, newer, older }: { planId: string; newer: number; older: number | null }) {
  const { t, lang } = useI18n();
  const diff = usePlanDiff(planId, newer, older);
  const newerVersion = usePlanVersion(planId, newer);
  const olderVersion = usePlanVersion(planId, older);
  if (diff.isPending) return <PageState loading />;
  if (diff.isError) return <PageState error={diff.error} />;
  const changes = diff.data.changes;
  if (changes.length === 0) return <Text>{t('plans.diff.noChanges')}</Text>;
  // Names of programs and items: the newer version's, or the older one's for what was removed.
  const names = (change: string): NamedContent | null => ((change === 'removed' ? olderVersion.data?.content : newerVersion.data?.content) ?? null) as NamedContent | null;
  const rows = changes.map((c, i) => ({
    key: `${c.path}-${i}`,
    label: fieldLabel(c.path, names(c.change), t),
    change: c.change,
    before: diffValueText(c.path, c.before, t, lang),
    after: diffValueText(c.path, c.after, t, lang),
  }));
  const beforeTitle = older === null ? t('plans.diff.empty') : t('plans.versions.version', { n: older });
  const afterTitle = t('plans.versions.version', { n: newer });
  const badge = (change: PlanDiff['changes'][number]['change']) => (
    <PlainBadge color={CHANGE_COLOR[change]}>
      {t(`plans.diff.change.${change}`)}
    </PlainBadge>
  );
  const value = (v: ReactNode) => <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v === '' ? '–' : v}</Text>;

  return (
    <TableOrCards
      minWidth={640}
      cards={
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('plans.diff.listLabel', { older: beforeTitle, newer: afterTitle })}>
          {rows.map((r) => (
            <li key={r.key}>
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                  <Text size="sm" fw={600}>
                    {r.label}
                  </Text>
                  {badge(r.change)}
                </Group>
                <Text size="xs" c="dimmed">
                  {beforeTitle}
                </Text>
                {value(r.before)}
                <Text size="xs" c="dimmed" mt={4}>
                  {afterTitle}
                </Text>
                {value(r.after)}
              </Paper>
            </li>
          ))}
        </Stack>
      }
      table={
        <Table striped withTableBorder verticalSpacing="xs" aria-label={t('plans.diff.listLabel', { older: beforeTitle, newer: afterTitle })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plans.diff.field')}</Table.Th>
              <Table.Th scope="col">{beforeTitle}</Table.Th>
              <Table.Th scope="col">{afterTitle}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top', width: '34%' }}>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {r.label}
                    </Text>
                    {badge(r.change)}
                  </Stack>
                </Table.Th>
                <Table.Td style={{ verticalAlign: 'top', background: r.change !== 'added' ? 'var(--mantine-color-red-0)' : undefined }}>{value(r.before)}</Table.Td>
                <Table.Td style={{ verticalAlign: 'top', background: r.change !== 'removed' ? 'var(--mantine-color-teal-0)' : undefined }}>{value(r.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

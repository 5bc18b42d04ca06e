import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowRight, IconChartBar, IconPencil, IconTrash, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { formatDateTime } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import {
  useAddJudge,
  useAssign,
  useAssignByCategory,
  useAssignments,
  useChangePhase,
  useConflicts,
  useEntryPages,
  useJudgeCandidates,
  usePanel,
  useRemoveAssignment,
  useRemoveJudge,
  type AssignByCategoryResult,
  type Assignment,
  type CompetitionDetail,
  type CompetitionPhase,
  type Entry,
  type JudgeConflict,
  type PanelJudge,
} from './api';
import { CompetitionHeading, PhaseSteps, Rubric, Schedule } from './competition-parts';
import { ResultsSection } from './ResultsSection';

const panelOpen = (phase: string) => phase === 'draft' || phase === 'open' || phase === 'judging';

/** A confirmation before moving the competition one phase on, saying what the step does. */
function PhaseMove({ c }: { c: CompetitionDetail }) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState(false);
  const change = useChangePhase(c.id);
  const next = c.nextPhase;
  if (!next || next === 'published') return null;
  const params = { opens: formatDateTime(c.entriesOpenAt, lang), deadline: formatDateTime(c.entriesCloseAt, lang), ends: formatDateTime(c.judgingEndsAt, lang) };
  const go = () =>
    change.mutate(next, {
      onSuccess: () => {
        setAsking(false);
        notify(t('competitions.manage.moved', { phase: t(`competitions.phase.${next}`) }));
      },
    });
  return (
    <>
      <Button rightSection={<IconArrowRight size={18} />} onClick={() => setAsking(true)}>
        {t(`competitions.manage.moveTo.${next}`)}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={asking}
        onClose={() => {
          setAsking(false);
          change.reset();
        }}
        title={t(`competitions.manage.moveTo.${next}`)}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t(`competitions.manage.moveText.${next}`, params)}</Text>
          {change.error && <ProblemAlert error={change.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={go} loading={change.isPending}>
              {t(`competitions.manage.confirm.${next}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function JudgeRow({ c, judge }: { c: CompetitionDetail; judge: PanelJudge }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const remove = useRemoveJudge(c.id);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{judge.fullName}</Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {judge.organization.name} · {judge.email}
          </Text>
          <Text size="sm">{t('competitions.manage.judgeLoad', { scored: judge.scoredEntries, assigned: judge.assignedEntries })}</Text>
        </div>
        {panelOpen(c.phase) && (
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('competitions.manage.removeJudge', { name: judge.fullName })} onClick={() => setAsking(true)}>
            <IconTrash size={18} />
          </ActionIcon>
        )}
      </Group>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={asking} onClose={() => setAsking(false)} title={t('competitions.manage.removeJudge', { name: judge.fullName })} centered>
        <Stack gap="sm">
          <Text size="sm">{t('competitions.manage.removeJudgeText', { name: judge.fullName, count: judge.assignedEntries })}</Text>
          {remove.error && <ProblemAlert error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(judge.userId, { onSuccess: () => notify(t('competitions.manage.judgeRemoved', { name: judge.fullName })) })}>
              {t('competitions.manage.removeFromPanel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The panel: who judges, their workload, and adding users with the judge role. */
function Panel({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const panel = usePanel(c.id);
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const open = panelOpen(c.phase);
  const candidates = useJudgeCandidates(c.id, search, open);
  const add = useAddJudge(c.id);
  const [chosen, setChosen] = useState('');
  const offered = (candidates.data?.items ?? []).filter((j) => !j.onPanel);
  const fieldError = add.error ? toProblem(add.error).fields.find((f) => f.field === 'userId')?.message : undefined;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="panel-title">
      <Title order={2} size="h3" id="panel-title" mb="sm">
        {t('competitions.manage.panel')}
      </Title>
      <Stack gap="sm">
        {panel.isPending ? (
          <PageState loading />
        ) : panel.isError ? (
          <PageState error={panel.error} />
        ) : panel.data.items.length === 0 ? (
          <Text c="dimmed">{t('competitions.manage.noJudges')}</Text>
        ) : (
          <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {panel.data.items.map((j) => (
              <JudgeRow key={j.userId} c={c} judge={j} />
            ))}
          </SimpleGrid>
        )}
        {open ? (
          <Card withBorder padding="sm" bg="gray.0">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('competitions.manage.addJudge')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput label={t('competitions.manage.searchJudge')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
                <NativeSelect
                  label={t('competitions.manage.judge')}
                  value={chosen}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                  error={fieldError}
                  data={[
                    { value: '', label: offered.length === 0 ? t('competitions.manage.noCandidates') : t('competitions.manage.chooseJudge'), disabled: true },
                    ...offered.map((j) => ({ value: j.userId, label: `${j.fullName} · ${j.organization.name}` })),
                  ]}
                />
              </SimpleGrid>
              {add.error && !fieldError && <ProblemAlert error={add.error} />}
              <Group>
                <Button
                  leftSection={<IconUserPlus size={18} />}
                  disabled={!chosen}
                  loading={add.isPending}
                  onClick={() =>
                    add.mutate(chosen, {
                      onSuccess: () => {
                        notify(t('competitions.manage.judgeAdded', { name: offered.find((j) => j.userId === chosen)?.fullName ?? '' }));
                        setChosen('');
                      },
                    })
                  }
                >
                  {t('competitions.manage.addToPanel')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : (
          <Text size="sm" c="dimmed">
            {t('competitions.manage.panelClosed')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Why a school's entries are kept from judges: one line per judge with every reason. */
function ConflictLines({ conflicts }: { conflicts: JudgeConflict[] }) {
  const { t } = useI18n();
  if (conflicts.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('competitions.manage.conflictsHere')} p="xs">
      <Stack component="ul" gap={4} style={{ margin: 0, paddingLeft: '1.1rem' }}>
        {conflicts.map((k) => (
          <li key={k.judge.id + k.school.id}>
            <Text size="sm">
              <strong>{k.judge.fullName}</strong>: {k.reasons.map((r) => r.reason).join('; ')}
            </Text>
          </li>
        ))}
      </Stack>
    </Alert>
  );
}

/** One entry with its judges, the way to add one, and the conflicts that keep judges away from it. */
function EntryAssignments({ c, entry, assignments, panel, conflicts }: { c: CompetitionDetail; entry: Entry; assignments: Assignment[]; panel: PanelJudge[]; conflicts: JudgeConflict[] }) {
  const { t } = useI18n();
  const assign = useAssign(c.id);
  const remove = useRemoveAssignment(c.id);
  const [judge, setJudge] = useState('');
  const open = panelOpen(c.phase);
  const mine = assignments.filter((a) => a.entry.id === entry.id);
  const here = conflicts.filter((k) => k.school.id === entry.school.id);
  const free = panel.filter((j) => !mine.some((a) => a.judge.id === j.userId));
  const problem = assign.error ? toProblem(assign.error) : null;
  const judgeProblems = problem?.fields.filter((f) => f.field === 'judgeUserId').map((f) => f.message) ?? [];
  const label = t('competitions.manage.judgeFor', { entry: entry.title });

  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <div>
          <Anchor component={Link} to={`/competitions/${c.id}/entries/${entry.id}`} fw={600}>
            {entry.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {entry.school.name}
          </Text>
        </div>
        <Group gap={6} component="ul" aria-label={t('competitions.manage.judgesOf', { entry: entry.title })} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.length === 0 && (
            <Text component="li" size="sm" c="dimmed">
              {t('competitions.manage.noAssignment')}
            </Text>
          )}
          {mine.map((a) => (
            <li key={a.id}>
              <Badge
                size="lg"
                tt="none"
                variant="light"
                color={a.scored ? 'teal' : 'gray'}
                c="dark.8"
                rightSection={
                  open ? (
                    <ActionIcon size="xs" variant="transparent" c="dark.8" aria-label={t('competitions.manage.unassign', { judge: a.judge.fullName, entry: entry.title })} onClick={() => remove.mutate(a.id)}>
                      <IconX size={12} />
                    </ActionIcon>
                  ) : undefined
                }
              >
                {a.judge.fullName} · {t(a.scored ? 'competitions.manage.scored' : 'competitions.manage.notScored')}
              </Badge>
            </li>
          ))}
        </Group>
        <ConflictLines conflicts={here} />
        {open && free.length > 0 && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={label}
              value={judge}
              onChange={(e) => {
                setJudge(e.currentTarget.value);
                assign.reset();
              }}
              error={judgeProblems.length > 0 ? judgeProblems.join(' ') : undefined}
              style={{ flex: '1 1 16rem' }}
              data={[
                { value: '', label: t('competitions.manage.chooseJudge'), disabled: true },
                ...free.map((j) => ({ value: j.userId, label: here.some((k) => k.judge.id === j.userId) ? `${j.fullName} (${t('competitions.manage.conflicted')})` : j.fullName })),
              ]}
            />
            <Button
              variant="light"
              disabled={!judge}
              loading={assign.isPending}
              onClick={() =>
                assign.mutate(
                  { judgeUserId: judge, entryId: entry.id },
                  {
                    onSuccess: (a) => {
                      setJudge('');
                      notify(t('competitions.manage.assigned', { judge: a.judge.fullName, entry: entry.title }));
                    },
                  },
                )
              }
            >
              {t('competitions.manage.assign')}
            </Button>
          </Group>
        )}
        {problem && judgeProblems.length === 0 && <ProblemAlert error={assign.error} />}
        {remove.error && <ProblemAlert error={remove.error} />}
      </Stack>
    </Card>
  );
}

function ByCategoryResult({ result }: { result: AssignByCategoryResult }) {
  const { t } = useI18n();
  return (
    <Alert color={result.unfilled.length > 0 ? 'orange' : 'teal'} title={t('competitions.manage.byCategoryDone', { count: result.assigned.length })} role="status">
      <Stack gap={4}>
        {result.skipped.map((s) => (
          <Text key={s.entry.id + s.judge.id} size="sm">
            {t('competitions.manage.skipped', { judge: s.judge.fullName, entry: s.entry.name })}: {s.reasons.map((r) => r.reason).join('; ')}
          </Text>
        ))}
        {result.unfilled.map((u) => (
          <Text key={u.entry.id} size="sm">
            {t('competitions.manage.unfilled', { entry: u.entry.name, assigned: u.assigned, wanted: u.wanted })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** Gives every entry of a category its judges at once, skipping conflicted ones. */
function AssignByCategory({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const run = useAssignByCategory(c.id);
  const [categoryId, setCategoryId] = useState(c.categories[0]?.id ?? '');
  const [perEntry, setPerEntry] = useState(String(c.minJudgesPerEntry));
  const problem = run.error ? toProblem(run.error) : null;
  const at = (field: string) => problem?.fields.filter((f) => f.field === field).map((f) => f.message).join(' ') || undefined;
  return (
    <Card withBorder padding="sm" bg="gray.0" component="section" aria-labelledby="by-category-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="by-category-title">
          {t('competitions.manage.byCategory')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('competitions.manage.byCategoryHint')}
        </Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect label={t('competitions.entry.category')} value={categoryId} onChange={(e) => setCategoryId(e.currentTarget.value)} error={at('categoryId')} data={c.categories.map((k) => ({ value: k.id, label: k.name }))} style={{ flex: '1 1 14rem' }} />
          <TextInput label={t('competitions.manage.judgesPerEntry')} inputMode="numeric" value={perEntry} onChange={(e) => setPerEntry(e.currentTarget.value)} error={at('judgesPerEntry')} w={{ base: '100%', xs: 200 }} />
          <Button loading={run.isPending} onClick={() => run.mutate({ categoryId, judgesPerEntry: Number(perEntry) })}>
            {t('competitions.manage.assignCategory')}
          </Button>
        </Group>
        {problem && !at('categoryId') && !at('judgesPerEntry') && <ProblemAlert error={run.error} />}
        {run.data && <ByCategoryResult result={run.data} />}
      </Stack>
    </Card>
  );
}

/** Every entry by category with its judges; assigning one by one or a whole category. */
function Assignments({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const entries = useEntryPages(c.id, c.phase !== 'draft');
  const assignments = useAssignments(c.id, c.phase !== 'draft');
  const panel = usePanel(c.id);
  const conflicts = useConflicts(c.id, c.phase !== 'draft');
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="assignments-title">
      <Title order={2} size="h3" id="assignments-title" mb="sm">
        {t('competitions.manage.entriesAndJudges')}
      </Title>
      {c.phase === 'draft' ? (
        <Text c="dimmed">{t('competitions.manage.noEntriesInDraft')}</Text>
      ) : entries.isPending || assignments.isPending || panel.isPending || conflicts.isPending ? (
        <PageState loading />
      ) : entries.isError || assignments.isError || panel.isError || conflicts.isError ? (
        <PageState error={entries.error ?? assignments.error ?? panel.error ?? conflicts.error} />
      ) : (
        <Stack gap="md">
          {panelOpen(c.phase) && items.length > 0 && panel.data.items.length > 0 && <AssignByCategory c={c} />}
          {items.length === 0 && <Text c="dimmed">{t('competitions.manage.noEntries')}</Text>}
          {c.categories.map((k) => {
            const inCategory = items.filter((e) => e.category.id === k.id);
            if (inCategory.length === 0) return null;
            return (
              <section key={k.id} aria-labelledby={`category-${k.id}`}>
                <Title order={3} size="h4" id={`category-${k.id}`} mb="xs">
                  {k.name} <Text span c="dimmed" size="sm">({t('competitions.manage.entryCount', { count: inCategory.length })})</Text>
                </Title>
                <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {inCategory.map((e) => (
                    <EntryAssignments key={e.id} c={c} entry={e} assignments={assignments.data.items} panel={panel.data.items} conflicts={conflicts.data.items} />
                  ))}
                </Stack>
              </section>
            );
          })}
          <LoadMore list={entries} justify="center" />
        </Stack>
      )}
    </Card>
  );
}

/** The CSR officer's competition: where it stands, what comes next, the panel, the assignments and the results. */
export function ManageCompetition({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const phase: CompetitionPhase = c.phase;
  return (
    <Stack gap="lg">
      <BackLink to="/competitions">{t('competitions.detail.back')}</BackLink>
      <CompetitionHeading c={c}>
        <Group gap="xs" wrap="wrap">
          {phase === 'draft' && (
            <Button variant="default" component={Link} to={`/competitions/${c.id}/edit`} leftSection={<IconPencil size={18} />}>
              {t('competitions.manage.edit')}
            </Button>
          )}
          {phase === 'judging' && (
            <Button component={Link} to={`/competitions/${c.id}/results/preview`} leftSection={<IconChartBar size={18} />}>
              {t('competitions.manage.previewAndPublish')}
            </Button>
          )}
          <PhaseMove c={c} />
        </Group>
      </CompetitionHeading>
      <Card withBorder padding="md" component="section" aria-labelledby="phase-title">
        <Title order={2} size="h4" id="phase-title" mb="xs">
          {t('competitions.manage.phaseTitle')}
        </Title>
        <PhaseSteps phase={phase} />
        <Text size="sm" mt="xs">
          {t(`competitions.manage.phaseNow.${phase}`)}
        </Text>
      </Card>
      {(phase === 'published' || phase === 'closed') && <ResultsSection competitionId={c.id} />}
      <Panel c={c} />
      <Assignments c={c} />
      <Schedule c={c} />
      <Rubric c={c} />
    </Stack>
  );
}

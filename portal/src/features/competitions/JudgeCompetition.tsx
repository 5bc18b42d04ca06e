import { Anchor, Badge, Button, Card, Group, Modal, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useAssignments, useConflicts, useDeclareConflict, type Assignment, type CompetitionDetail } from './api';
import { CompetitionHeading, Rubric, Schedule } from './competition-parts';
import { ScoringNotice } from './entry-window';
import { ResultsSection } from './ResultsSection';

const panelOpen = (phase: string) => phase === 'draft' || phase === 'open' || phase === 'judging';

/** A judge declares a conflict of interest with the school of an entry; its entries then leave their list. */
function DeclareConflict({ c, assignment }: { c: CompetitionDetail; assignment: Assignment }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const declare = useDeclareConflict(c.id);
  const problem = declare.error ? toProblem(declare.error) : null;
  const reasonError = problem?.fields.filter((f) => f.field === 'reason').map((f) => f.message).join(' ') || undefined;
  const send = () =>
    declare.mutate(
      { schoolId: assignment.school.id, reason },
      {
        onSuccess: (d) => {
          setOpen(false);
          notify(t('competitions.judging.declared', { school: d.school.name, count: d.removedFromEntries.length }));
        },
      },
    );
  return (
    <>
      <Button size="xs" variant="subtle" color="orange" leftSection={<IconUserOff size={16} aria-hidden="true" />} onClick={() => setOpen(true)} aria-label={t('competitions.judging.declareFor', { entry: assignment.entry.name })}>
        {t('competitions.judging.declare')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={open} onClose={() => setOpen(false)} title={t('competitions.judging.declareTitle', { school: assignment.school.name })} centered>
        <Stack gap="sm">
          <Text size="sm">{t('competitions.judging.declareText', { school: assignment.school.name })}</Text>
          <Textarea label={t('competitions.judging.reason')} description={t('competitions.judging.reasonHint')} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} />
          {problem && !reasonError && <ProblemAlert error={declare.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={send} loading={declare.isPending}>
              {t('competitions.judging.declareSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The judge's own entries: blind (only their own scores), with progress and the way to step aside. */
function MyEntries({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const assignments = useAssignments(c.id);
  if (assignments.isPending) return <PageState loading />;
  if (assignments.isError) return <PageState error={assignments.error} />;
  const items = assignments.data.items;
  const scored = items.filter((a) => a.scored).length;
  const canDeclare = panelOpen(c.phase);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-entries-title">
      <Title order={2} size="h3" id="my-entries-title" mb="xs">
        {t('competitions.judging.myEntries')}
      </Title>
      <Stack gap="sm">
        <div>
          <Text fw={600} id="judging-progress">
            {t('competitions.judging.progress', { scored, total: items.length })}
          </Text>
          <Progress.Root mt={4} aria-hidden={items.length === 0 ? true : undefined}>
            <Progress.Section value={items.length === 0 ? 0 : (scored / items.length) * 100} color="teal.8" aria-label={t('competitions.judging.progress', { scored, total: items.length })} />
          </Progress.Root>
        </div>
        <Text size="sm" c="dimmed">
          {t('competitions.judging.blind')}
        </Text>
        {items.length === 0 ? (
          <Text c="dimmed">{t('competitions.judging.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((a) => (
              <Card key={a.id} component="li" withBorder padding="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/competitions/${c.id}/entries/${a.entry.id}`} fw={600}>
                      {a.entry.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {a.school.name} · {t('competitions.entry.categoryOf', { category: a.category.name })}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <Badge tt="none" c="dark.8" variant="light" color={a.scored ? 'teal' : 'gray'} leftSection={a.scored ? <IconCircleCheck size={12} aria-hidden="true" /> : undefined}>
                      {t(a.scored ? 'competitions.manage.scored' : 'competitions.manage.notScored')}
                    </Badge>
                    {canDeclare && <DeclareConflict c={c} assignment={a} />}
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The conflicts of interest that keep this judge away from schools, and why. */
function MyConflicts({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const conflicts = useConflicts(c.id);
  const items = conflicts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-conflicts-title">
      <Title order={2} size="h3" id="my-conflicts-title" mb="xs">
        {t('competitions.judging.myConflicts')}
      </Title>
      <Stack component="ul" gap="xs" style={{ margin: 0, paddingLeft: '1.1rem' }}>
        {items.map((k) => (
          <li key={k.school.id}>
            <Text size="sm">
              <strong>{k.school.name}</strong>: {k.reasons.map((r) => r.reason).join('; ')}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** A judge's competition: when scoring is open, the entries assigned to them, their conflicts and the rubric. */
export function JudgeCompetition({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  return (
    <Stack gap="lg">
      <BackLink to="/competitions">{t('competitions.detail.back')}</BackLink>
      <CompetitionHeading c={c} />
      <ScoringNotice competition={c} />
      {(c.phase === 'published' || c.phase === 'closed') && <ResultsSection competitionId={c.id} />}
      <MyEntries c={c} />
      <MyConflicts c={c} />
      <Rubric c={c} />
      <Schedule c={c} />
    </Stack>
  );
}

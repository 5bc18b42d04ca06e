import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { clearDraft, loadDraft, useDraftAutosave, useIdempotencyKey } from '../../ui/drafts';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useCompetition, useCreateEntry, useEntries, usePlanPrograms, type CompetitionDetail, type Entry, type PlanProgramChoice } from './api';
import { applyEntryProblem, EntryFields, splitPlanChoice, teamOf, useEntryLabels, type EntryValues } from './entry-form';
import { entryWindow, EntryWindowNotice } from './entry-window';

function NewEntryForm({ competition, entries, planPrograms }: { competition: CompetitionDetail; entries: Entry[]; planPrograms: PlanProgramChoice[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateEntry(competition.id);
  const { labelOf } = useEntryLabels();
  const draftKey = `competitions.${competition.id}.entry.new`;
  const idempotency = useIdempotencyKey(draftKey);
  const categories = competition.categories.map((k) => ({ id: k.id, name: k.name, taken: entries.some((e) => e.category.id === k.id) }));
  const blank: EntryValues = { categoryId: categories.find((k) => !k.taken)?.id ?? '', planChoice: '', title: '', summary: '', teamMembers: [] };
  const [restored, setRestored] = useState(() => loadDraft<EntryValues>(draftKey));
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  const form = useForm<EntryValues>({ defaultValues: restored ?? blank });
  // Unsent values stay on this device: a dropped connection or a closed tab loses nothing.
  useDraftAutosave(draftKey, form.watch(), !sent);

  const discardDraft = () => {
    clearDraft(draftKey);
    idempotency.renew();
    form.reset(blank);
    setRestored(null);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    const { planId, planProgramId } = splitPlanChoice(values.planChoice);
    try {
      const entry = await create.mutateAsync({
        idempotencyKey: idempotency.key,
        body: {
          categoryId: values.categoryId,
          title: values.title.trim() || undefined,
          summary: values.summary.trim() || undefined,
          planId: planId ?? undefined,
          planProgramId: planProgramId ?? undefined,
          teamMembers: teamOf(values),
        },
      });
      setSent(true);
      clearDraft(draftKey);
      idempotency.renew();
      notify(t('competitions.entry.submitted'));
      void navigate(`/competitions/${competition.id}/entries/${entry.id}`, { replace: true });
    } catch (err) {
      setProblem(applyEntryProblem(form, err, labelOf));
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="md">
        {restored && (
          <Alert color="blue" icon={<IconDeviceFloppy size={18} />}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{t('common.draftRestored')}</Text>
              <Button size="xs" variant="subtle" onClick={discardDraft}>
                {t('competitions.entry.discardDraft')}
              </Button>
            </Group>
          </Alert>
        )}
        {problem && <ProblemAlert error={problem.error} extra={problem.rest} />}
        <EntryFields form={form} planPrograms={planPrograms} categories={categories} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={`/competitions/${competition.id}`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('competitions.entry.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Submitting the school's entry, pre-filled from a program of its plan when there is one. */
export function EntryNewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const competition = useCompetition(id);
  const open = competition.data ? entryWindow(competition.data).open : false;
  const entries = useEntries(id);
  const plans = usePlanPrograms(competition.data?.programYear.id, open);

  return (
    <Stack gap="lg">
      <BackLink to={`/competitions/${id}`}>{t('competitions.entry.backToCompetition')}</BackLink>
      <div>
        <Title order={1}>{t('competitions.entry.newTitle')}</Title>
        {competition.data && <Text c="dimmed">{competition.data.title}</Text>}
      </div>
      {competition.isPending || entries.isPending || (open && plans.isPending) ? (
        <PageState loading />
      ) : competition.isError ? (
        <PageState error={competition.error} />
      ) : entries.isError ? (
        <PageState error={entries.error} />
      ) : (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <EntryWindowNotice competition={competition.data} />
            {open &&
              (competition.data.categories.every((k) => entries.data.items.some((e) => e.category.id === k.id)) ? (
                <Text>{t('competitions.entry.allCategoriesTaken')}</Text>
              ) : (
                <NewEntryForm competition={competition.data} entries={entries.data.items} planPrograms={plans.data ?? []} />
              ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

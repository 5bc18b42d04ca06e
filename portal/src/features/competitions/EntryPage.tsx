import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useParams } from 'react-router';
import { download } from '../../api/client';
import { ApiProblem, toProblem, type FieldProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { entryKey, fetchEntry, useCompetition, useEntry, usePlanPrograms, useUpdateEntry, useUploadEvidence, type EntryDetail, type PlanProgramChoice } from './api';
import { applyEntryProblem, EntryFields, entryValues, splitPlanChoice, teamOf, useEntryLabels, type EntryValues } from './entry-form';
import { entryWindow, EntryWindowNotice, ScoringNotice } from './entry-window';
import { AllScoreSheets, ScoreSheetForm } from './Scoring';

function fileSize(bytes: number, lang: 'id' | 'en'): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), lang)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
}

function Evidence({ entry, canUpload }: { entry: EntryDetail; canUpload: boolean }) {
  const { t, lang } = useI18n();
  const uploadEvidence = useUploadEvidence(entry.id);
  const [file, setFile] = useState<File | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const send = () => {
    if (!file) return;
    uploadEvidence.mutate(file, {
      onSuccess: (doc) => {
        setFile(null);
        notify(t('competitions.evidence.uploaded', { name: doc.filename }));
      },
    });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="evidence-title">
      <Title order={2} size="h3" id="evidence-title" mb="xs">
        {t('competitions.evidence.title')}
      </Title>
      <Stack gap="sm">
        {entry.evidence.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('competitions.evidence.none')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {entry.evidence.map((d) => (
              <Group key={d.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <IconPaperclip size={16} aria-hidden="true" />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {d.filename}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fileSize(d.sizeBytes, lang)} · <DateText value={d.createdAt} withTime />
                    </Text>
                  </div>
                </Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconDownload size={16} />}
                  aria-label={t('competitions.evidence.downloadNamed', { name: d.filename })}
                  onClick={() => {
                    setDownloadError(null);
                    download(`/api/v1/entries/${entry.id}/evidence/${d.id}`, d.filename).catch(setDownloadError);
                  }}
                >
                  {t('common.download')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {downloadError !== null && <ProblemAlert error={downloadError} />}
        {canUpload && (
          <Stack gap="xs">
            <FileInput
              label={t('competitions.evidence.file')}
              description={t('competitions.evidence.fileHint')}
              placeholder={t('competitions.evidence.choose')}
              accept="application/pdf,image/png,image/jpeg"
              value={file}
              onChange={setFile}
              clearable
              leftSection={<IconFileUpload size={18} aria-hidden="true" />}
            />
            {uploadEvidence.error && <ProblemAlert error={uploadEvidence.error} />}
            <Group>
              <Button onClick={send} disabled={!file} loading={uploadEvidence.isPending}>
                {t('competitions.evidence.upload')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function EditEntry({ entry, planPrograms }: { entry: EntryDetail; planPrograms: PlanProgramChoice[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateEntry(entry.id, entry.competitionId);
  const { labelOf } = useEntryLabels();
  const [version, setVersion] = useState(entry.version);
  const [problem, setProblem] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  // On a conflict the newer entry is shown; what this person typed is kept aside to apply again if they choose.
  const [mine, setMine] = useState<EntryValues | null>(null);
  const form = useForm<EntryValues>({ defaultValues: entryValues(entry) });

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setMine(null);
    const { planId, planProgramId } = splitPlanChoice(values.planChoice);
    try {
      const saved = await update.mutateAsync({ version, title: values.title.trim(), summary: values.summary.trim(), planId, planProgramId, teamMembers: teamOf(values) });
      setVersion(saved.version);
      form.reset(entryValues(saved));
      notify(t('competitions.entry.saved'));
    } catch (err) {
      if (toProblem(err).isConflict) {
        const fresh = await queryClient.fetchQuery({ queryKey: entryKey(entry.id), queryFn: () => fetchEntry(entry.id), staleTime: 0 });
        setMine(values);
        setVersion(fresh.version);
        form.reset(entryValues(fresh));
        return;
      }
      setProblem(applyEntryProblem(form, err, labelOf));
    }
  });

  const reapply = () => {
    if (!mine) return;
    form.reset({ ...mine }, { keepDefaultValues: true });
    setMine(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="edit-entry-title">
      <Title order={2} size="h3" id="edit-entry-title" mb="sm">
        {t('competitions.entry.editTitle')}
      </Title>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {mine && (
            <Alert role="alert" color="red" icon={<IconAlertTriangle size={18} />} title={t('common.problem.conflictTitle')}>
              <Text size="sm">{t('common.problem.conflictDetail')}</Text>
              <Button size="xs" variant="default" mt="xs" onClick={reapply}>
                {t('competitions.entry.reapply')}
              </Button>
            </Alert>
          )}
          {problem && <ProblemAlert error={problem.error} extra={problem.rest} />}
          <EntryFields form={form} planPrograms={planPrograms} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('competitions.entry.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReadOnlyEntry({ entry }: { entry: EntryDetail }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="entry-content-title">
      <Title order={2} size="h3" id="entry-content-title" mb="sm">
        {t('competitions.entry.content')}
      </Title>
      <Stack gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('competitions.entry.summary')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.summary}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('competitions.entry.team')}
          </Text>
          {entry.teamMembers.length === 0 ? (
            <Text>{t('competitions.entry.noTeamShown')}</Text>
          ) : (
            <List size="sm">
              {entry.teamMembers.map((m, i) => (
                <List.Item key={`${m.name}-${i}`}>
                  {m.name} — {m.role}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Card>
  );
}

/**
 * One entry: the school changes it and adds evidence until the deadline (read-only after it); a judge
 * reads it and scores it against the rubric; the CSR officer reads it with every judge's scores.
 */
export function EntryPage() {
  const { id = '', entryId = '' } = useParams();
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const competition = useCompetition(id);
  const entry = useEntry(entryId);
  const canWrite = hasPermission('competition_entries:write');
  const open = competition.data ? entryWindow(competition.data).open : false;
  const plans = usePlanPrograms(competition.data?.programYear.id, canWrite && open);

  if (competition.isPending || entry.isPending || (canWrite && open && plans.isPending)) return <PageState loading />;
  if (competition.isError) return <PageState error={competition.error} />;
  if (entry.isError) return <PageState error={entry.error} />;
  const e = entry.data;
  if (e.competitionId !== competition.data.id) return <PageState error={new ApiProblem({}, 404)} />;
  const editable = canWrite && open;
  const judges = hasPermission('competitions:judge');

  return (
    <Stack gap="lg">
      <BackLink to={`/competitions/${id}`}>{t('competitions.entry.backToCompetition')}</BackLink>
      <div>
        <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: 'anywhere' }}>
          {e.title}
        </Title>
        <Text c="dimmed">
          {competition.data.title} · {e.school.name} · {t('competitions.entry.categoryOf', { category: e.category.name })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('competitions.entry.submittedBy', { name: e.submittedBy.fullName ?? '' })} <DateText value={e.createdAt} withTime /> · {t('competitions.entry.updated')} <DateText value={e.updatedAt} withTime />
        </Text>
      </div>
      {canWrite && <EntryWindowNotice competition={competition.data} />}
      {judges && <ScoringNotice competition={competition.data} />}
      {editable ? <EditEntry key={e.id} entry={e} planPrograms={plans.data ?? []} /> : <ReadOnlyEntry entry={e} />}
      <Evidence entry={e} canUpload={editable} />
      {judges && <ScoreSheetForm c={competition.data} entry={e} />}
      {hasPermission('competitions:manage') && <AllScoreSheets entryId={e.id} />}
    </Stack>
  );
}

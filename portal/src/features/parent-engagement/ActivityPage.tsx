import { Anchor, Button, Card, FileInput, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { activityKeys, downloadEvidence, fetchActivity, useActivity, useAddEvidence, useUpdateActivity, type ActivityDetail } from './api';
import { ActivityForm } from './ActivityForm';
import { GradeSplit } from './components';

/** Files the API takes as evidence. */
const EVIDENCE_TYPES = 'application/pdf,image/png,image/jpeg';

/**
 * /parents/:id and /schools/:schoolId/parents/:id: one activity. The school's principal changes it
 * and adds evidence; everyone else who sees the school reads it.
 */
export function ActivityPage() {
  const { t } = useI18n();
  const { id = '', schoolId } = useParams();
  const { me, hasPermission } = useSession();
  const activity = useActivity(id);
  const back = schoolId ? `/schools/${schoolId}/parents` : '/parents';

  if (activity.isPending || activity.isError) {
    return (
      <Stack gap="lg">
        <BackLink to={back}>{t('parents.detail.back')}</BackLink>
        <PageState loading={activity.isPending} error={activity.error} />
      </Stack>
    );
  }
  const a = activity.data;
  const canEdit = hasPermission('parent_engagement:write') && a.school.id === me?.organization.id;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink to={back}>{t('parents.detail.back')}</BackLink>
        <Title order={1}>{t(`parents.kind.${a.kind}`)}</Title>
        <Text c="gray.7">
          {a.school.name} · <DateText value={a.heldOn} />
        </Text>
      </Stack>
      {canEdit ? <EditActivity activity={a} /> : <ActivityFacts activity={a} />}
      <Evidence activity={a} canAdd={canEdit} />
    </Stack>
  );
}

function EditActivity({ activity }: { activity: ActivityDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateActivity(activity.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="edit-activity-title">
      <Title order={2} size="h3" id="edit-activity-title" mb="md">
        {t('parents.detail.editTitle')}
      </Title>
      <ActivityForm
        key={activity.id}
        initial={activity}
        submitLabel={t('parents.form.saveChanges')}
        reload={() => queryClient.fetchQuery({ queryKey: activityKeys.one(activity.id), queryFn: () => fetchActivity(activity.id), staleTime: 0 })}
        onSave={async (body, version) => {
          const saved = await update.mutateAsync({ version: version ?? activity.version, changes: body });
          notify(t('parents.form.savedChanges'));
          return saved;
        }}
      />
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** What an activity holds, read-only. */
function ActivityFacts({ activity: a }: { activity: ActivityDetail }) {
  const { t, lang } = useI18n();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="activity-facts-title">
      <Title order={2} size="h3" id="activity-facts-title" mb="md">
        {t('parents.detail.factsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('parents.field.parentsReached')}>
          <Text fw={600}>{formatNumber(a.parentsReached, lang)}</Text>
        </Fact>
        <Fact label={t('parents.field.teachersInvolved')}>
          <Text fw={600}>{formatNumber(a.teachersInvolved, lang)}</Text>
        </Fact>
        <Fact label={t('parents.field.parentsByGrade')}>{a.parentsByGrade?.length ? <GradeSplit split={a.parentsByGrade} /> : <Text>{t('parents.detail.notSplit')}</Text>}</Fact>
        <Fact label={t('parents.field.planProgram')}>
          <Text>{a.planProgramName ?? t('parents.detail.empty')}</Text>
        </Fact>
        <Fact label={t('parents.detail.recordedBy')}>
          <Text>{a.recordedBy.fullName}</Text>
        </Fact>
      </SimpleGrid>
      <Fact label={t('parents.field.notes')}>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} mt={4}>
          {a.notes ?? t('parents.detail.empty')}
        </Text>
      </Fact>
    </Card>
  );
}

/** The evidence files: a download each; the principal adds more. */
function Evidence({ activity: a, canAdd }: { activity: ActivityDetail; canAdd: boolean }) {
  const { t, lang } = useI18n();
  const add = useAddEvidence(a.id);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="evidence-title">
      <Title order={2} size="h3" id="evidence-title" mb="xs">
        {t('parents.evidence.title')}
      </Title>
      {a.evidence.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('parents.evidence.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {a.evidence.map((d) => (
            <li key={d.id}>
              <Anchor component="button" type="button" onClick={() => void downloadEvidence(a.id, d)}>
                <Group gap={4} component="span">
                  <IconDownload size={16} aria-hidden="true" />
                  {d.filename}
                </Group>
              </Anchor>
              <Text span size="xs" c="gray.7">
                {' '}
                ({formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), lang)} KB)
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {canAdd && (
        <Stack gap="xs" mt="md">
          <FileInput
            label={t('parents.evidence.choose')}
            description={t('parents.evidence.hint')}
            placeholder={t('parents.evidence.placeholder')}
            accept={EVIDENCE_TYPES}
            leftSection={<IconFileUpload size={16} aria-hidden="true" />}
            clearable
            clearButtonProps={{ 'aria-label': t('parents.evidence.clear') }}
            value={file}
            onChange={setFile}
          />
          {error !== null && <ProblemAlert error={error} />}
          <Group>
            <Button
              variant="light"
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              disabled={!file}
              loading={add.isPending}
              onClick={() => {
                if (!file) return;
                setError(null);
                add.mutate(file, {
                  onSuccess: () => {
                    setFile(null);
                    notify(t('parents.evidence.added'));
                  },
                  onError: setError,
                });
              }}
            >
              {t('parents.evidence.upload')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

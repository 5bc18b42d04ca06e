import { Alert, Button, Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconEdit, IconLock, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../../app/session';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { formatNumber } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { PARTICIPANT_ROLES, useAddParticipant, useEvaluation, useParticipants, usePartnerSchools, useTraining, type Participant, type ParticipantRole, type Training } from './api';
import { EvaluationSection } from './EvaluationChart';
import { ParticipantGrid } from './ParticipantGrid';
import { TrainingFormModal } from './TrainingForm';
import { TrainingDates, WhatYouMayDo } from './TrainingsPage';

/** One training: its settings, its participants (a grid for its organiser), and its evaluation. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const training = useTraining(id);
  const [editing, setEditing] = useState(false);
  if (training.isPending) return <PageState loading />;
  if (training.isError) return <PageState error={training.error} />;
  const x = training.data;
  const closed = x.programYear?.status === 'closed';
  // The organiser runs it (the API refuses anyone else); the page offers the tools to them only.
  const runs = hasPermission('trainings:manage') && (me?.user.role === 'admin' || me?.organization.id === x.organiser.id);
  const manage = runs && !closed;

  return (
    <Stack gap="md">
      <BackLink to="/trainings">{t('trainings.detail.back')}</BackLink>
      <Group justify="space-between" align="flex-start">
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={1} size="h2">
            {x.title}
          </Title>
          <Text size="sm" c="dimmed">
            {[t(`trainings.level.${x.level}`), t(`common.topic.${x.topic}`), t('trainings.detail.organiser', { name: x.organiser.name })].join(' · ')}
          </Text>
        </div>
        {manage && (
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('trainings.detail.edit')}
          </Button>
        )}
      </Group>
      {closed && (
        <Alert color="gray" icon={<IconLock size={18} />} title={t('trainings.detail.closedTitle')}>
          {t('trainings.detail.closedText', { year: x.programYear?.year ?? '' })}
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="training-about">
        <Title order={2} size="h3" id="training-about" mb="sm">
          {t('trainings.detail.about')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Fact label={t('trainings.detail.dates')}>
            <TrainingDates training={x} />
          </Fact>
          <Fact label={t('trainings.field.venue')}>{x.online ? t('trainings.detail.online') : (x.venue ?? '–')}</Fact>
          <Fact label={t('trainings.field.programYearId')}>{x.programYear ? `${x.programYear.programName} ${x.programYear.year}` : t('trainings.form.noYear')}</Fact>
          <Fact label={t('trainings.detail.facilitators')}>{x.facilitators.length > 0 ? x.facilitators.map((f) => f.fullName).join(', ') : '–'}</Fact>
          <Fact label={t('trainings.detail.scale')}>{`${x.scoreScale.min}–${x.scoreScale.max}`}</Fact>
          <Fact label={t('trainings.field.quotaPerSchool')}>{x.quotaPerSchool === null ? t('trainings.detail.noQuota') : t('trainings.detail.quota', { n: x.quotaPerSchool })}</Fact>
          <Fact label={t('trainings.detail.participants')}>{t('trainings.index.counts', { participants: x.participantCount, attended: x.attendedCount })}</Fact>
        </SimpleGrid>
      </Card>
      {!runs && <WhatYouMayDo />}
      <ParticipantsSection training={x} manage={manage} />
      <Evaluation id={x.id} />
      {editing && <TrainingFormModal training={x} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); notify(t('trainings.detail.saved')); }} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Evaluation({ id }: { id: string }) {
  const evaluation = useEvaluation(id);
  if (evaluation.isPending) return <PageState loading />;
  if (evaluation.isError) return <ProblemAlert error={evaluation.error} />;
  return <EvaluationSection evaluation={evaluation.data} />;
}

function ParticipantsSection({ training, manage }: { training: Training; manage: boolean }) {
  const { t } = useI18n();
  const list = useParticipants(training.id);
  const participants = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="training-participants">
      <Title order={2} size="h3" id="training-participants" mb="sm">
        {t('trainings.detail.participants')}
      </Title>
      <Stack gap="sm">
        {manage && <AddParticipant training={training} />}
        {list.isPending ? (
          <PageState loading />
        ) : list.isError ? (
          <ProblemAlert error={list.error} />
        ) : participants.length === 0 ? (
          <Text c="dimmed">{t('trainings.detail.noParticipants')}</Text>
        ) : manage ? (
          <ParticipantGrid training={training} participants={participants} />
        ) : (
          <ReadOnlyParticipants participants={participants} />
        )}
        <LoadMore list={list} />
      </Stack>
    </Card>
  );
}

function attendance(p: Participant, t: (k: string) => string): string {
  return p.attended === null ? t('trainings.grid.notTaken') : p.attended ? t('trainings.grid.present') : t('trainings.grid.absent');
}

function ReadOnlyParticipants({ participants }: { participants: Participant[] }) {
  const { t, lang } = useI18n();
  return (
    <TableOrCards
      minWidth={560}
      cards={
        <Stack gap="xs">
          {participants.map((p) => (
            <Paper key={p.id} withBorder p="sm" radius="md">
              <Text fw={600}>{p.fullName}</Text>
              <Text size="sm">{[p.school?.name, t(`trainings.role.${p.role}`), attendance(p, t)].filter(Boolean).join(' · ')}</Text>
              <Text size="sm">{t('trainings.detail.scores', { pre: formatNumber(p.preScore, lang), post: formatNumber(p.postScore, lang) })}</Text>
            </Paper>
          ))}
        </Stack>
      }
      table={
        <Table withTableBorder aria-label={t('trainings.detail.participants')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.grid.participant')}</Table.Th>
              <Table.Th scope="col">{t('trainings.add.role')}</Table.Th>
              <Table.Th scope="col">{t('trainings.grid.attended')}</Table.Th>
              <Table.Th scope="col">{t('trainings.grid.pre')}</Table.Th>
              <Table.Th scope="col">{t('trainings.grid.post')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={500}>
                  {p.fullName}
                  <Text size="xs" c="dimmed">
                    {p.school?.name ?? ''}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`trainings.role.${p.role}`)}</Table.Td>
                <Table.Td>{attendance(p, t)}</Table.Td>
                <Table.Td>{formatNumber(p.preScore, lang)}</Table.Td>
                <Table.Td>{formatNumber(p.postScore, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** The organiser adds a participant without an account (a name and, for a school's teacher, the school), within the school's quota. */
function AddParticipant({ training }: { training: Training }) {
  const { t } = useI18n();
  const add = useAddParticipant(training.id);
  const schools = usePartnerSchools(true);
  const [name, setName] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [role, setRole] = useState<ParticipantRole>('teacher');
  const [empty, setEmpty] = useState(false);
  const problem = add.error ? toProblem(add.error) : null;
  const nameProblem = problem?.fields.find((f) => f.field === 'externalName')?.message;
  const send = () => {
    if (name.trim() === '') {
      setEmpty(true);
      return;
    }
    add.mutate(
      { externalName: name, role, ...(schoolId ? { schoolId } : {}) },
      {
        onSuccess: (p) => {
          setName('');
          notify(t('trainings.add.added', { name: p.fullName }));
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" component="form" aria-labelledby="add-participant" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <Title order={3} size="h5" id="add-participant" mb={4}>
        {t('trainings.add.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {training.quotaPerSchool !== null ? t('trainings.add.quotaHint', { n: training.quotaPerSchool }) : t('trainings.add.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t('trainings.add.name')}
          withAsterisk
          maxLength={200}
          value={name}
          error={empty ? t('trainings.form.required') : nameProblem}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setEmpty(false);
          }}
        />
        <NativeSelect label={t('trainings.add.school')} value={schoolId} onChange={(e) => setSchoolId(e.currentTarget.value)} data={[{ value: '', label: t('trainings.add.noSchool') }, ...(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} />
        <NativeSelect label={t('trainings.add.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as ParticipantRole)} data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`trainings.role.${r}`) }))} />
      </SimpleGrid>
      {add.error !== null && !nameProblem && (
        <Stack mt="xs">
          <ProblemAlert error={add.error} />
        </Stack>
      )}
      <Group mt="xs">
        <Button type="submit" size="sm" leftSection={<IconUserPlus size={16} />} loading={add.isPending}>
          {t('trainings.add.button')}
        </Button>
      </Group>
    </Paper>
  );
}

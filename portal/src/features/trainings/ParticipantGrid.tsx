import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { notify } from '../../ui/notify';
import { useProblemText } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useRemoveParticipant, useUpdateParticipant, type Participant, type Training } from './api';

interface Draft {
  attended: '' | 'yes' | 'no';
  pre: string;
  post: string;
  answers: Record<string, string>;
}

const draftOf = (p: Participant): Draft => ({
  attended: p.attended === null ? '' : p.attended ? 'yes' : 'no',
  pre: p.preScore === null ? '' : String(p.preScore),
  post: p.postScore === null ? '' : String(p.postScore),
  answers: Object.fromEntries(Object.entries(p.satisfaction).map(([k, v]) => [k, String(v)])),
});

/** A score as typed ("72,5" or "72.5") as a number; null for empty, NaN for something that is not a number. */
function score(s: string): number | null {
  const x = s.trim().replace(',', '.');
  if (x === '') return null;
  return /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : NaN;
}

/** One row's state: what was typed, what the server said about it, and saving it with the version read. */
function useRow(training: Training, p: Participant) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(p));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const update = useUpdateParticipant(training.id);
  const base = draftOf(p);
  // After a save, the row shows what the server holds once it is back; after a conflict the newer
  // version is loaded underneath while what was typed stays, to be saved again.
  const saved = useRef(false);
  useEffect(() => {
    if (!saved.current) return;
    saved.current = false;
    setDraft(draftOf(p));
  }, [p.version]);
  const dirty = JSON.stringify(base) !== JSON.stringify(draft);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setMessage(null);
  };
  const save = () => {
    const pre = score(draft.pre);
    const post = score(draft.post);
    const local: Record<string, string> = {};
    if (Number.isNaN(pre)) local.preScore = t('trainings.grid.notANumber');
    if (Number.isNaN(post)) local.postScore = t('trainings.grid.notANumber');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const satisfaction: Record<string, number | null> = {};
    for (const q of training.questionnaire) {
      const now = draft.answers[q.id] ?? '';
      if (now !== (base.answers[q.id] ?? '')) satisfaction[q.id] = now === '' ? null : Number(now);
    }
    update.mutate(
      {
        participantId: p.id,
        body: {
          version: p.version,
          attended: draft.attended === '' ? null : draft.attended === 'yes',
          preScore: pre,
          postScore: post,
          ...(Object.keys(satisfaction).length > 0 ? { satisfaction } : {}),
        },
      },
      {
        onSuccess: () => {
          saved.current = true;
          setMessage(null);
          notify(t('trainings.grid.saved', { name: p.fullName }));
        },
        onError: (err) => {
          const problem = toProblem(err);
          const at: Record<string, string> = {};
          for (const f of problem.fields) at[f.field.startsWith('satisfaction.') ? f.field : f.field] = f.message;
          setErrors(at);
          setMessage(problem.isConflict ? t('trainings.grid.conflict') : problem.fields.length > 0 ? null : problemText(err).detail);
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    }
  };
  return { draft, set, save, dirty, errors, message, saving: update.isPending, onKeyDown };
}

type Row = ReturnType<typeof useRow>;

function Inputs({ training, p, row, compact }: { training: Training; p: Participant; row: Row; compact: boolean }) {
  const { t } = useI18n();
  const scale = `${training.scoreScale.min}–${training.scoreScale.max}`;
  const likert = [{ value: '', label: '–' }, ...['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))];
  const cell = (node: ReactNode, key: string) => (compact ? <div key={key}>{node}</div> : <Table.Td key={key}>{node}</Table.Td>);
  const label = (what: string) => (compact ? what : `${what} – ${p.fullName}`);
  return (
    <>
      {cell(
        <NativeSelect
          size="xs"
          label={label(t('trainings.grid.attended'))}
          labelProps={compact ? undefined : { style: visuallyHidden }}
          value={row.draft.attended}
          onChange={(e) => row.set({ attended: e.currentTarget.value as Draft['attended'] })}
          onKeyDown={row.onKeyDown}
          data={[
            { value: '', label: t('trainings.grid.notTaken') },
            { value: 'yes', label: t('trainings.grid.present') },
            { value: 'no', label: t('trainings.grid.absent') },
          ]}
        />,
        'attended',
      )}
      {(['pre', 'post'] as const).map((k) =>
        cell(
          <TextInput
            size="xs"
            w={compact ? undefined : 84}
            inputMode="decimal"
            label={label(t(`trainings.grid.${k}`))}
            labelProps={compact ? undefined : { style: visuallyHidden }}
            description={compact ? t('trainings.grid.scale', { scale }) : undefined}
            value={row.draft[k]}
            onChange={(e) => row.set({ [k]: e.currentTarget.value })}
            onKeyDown={row.onKeyDown}
            error={row.errors[k === 'pre' ? 'preScore' : 'postScore']}
          />,
          k,
        ),
      )}
      {training.questionnaire.map((q, i) =>
        cell(
          <NativeSelect
            size="xs"
            w={compact ? undefined : 64}
            label={compact ? `${i + 1}. ${q.text}` : t('trainings.grid.answerAria', { n: i + 1, name: p.fullName })}
            labelProps={compact ? undefined : { style: visuallyHidden }}
            value={row.draft.answers[q.id] ?? ''}
            onChange={(e) => row.set({ answers: { ...row.draft.answers, [q.id]: e.currentTarget.value } })}
            onKeyDown={row.onKeyDown}
            data={likert}
            error={row.errors[`satisfaction.${q.id}`]}
          />,
          q.id,
        ),
      )}
    </>
  );
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function Actions({ p, row, training }: { p: Participant; row: Row; training: Training }) {
  const { t } = useI18n();
  const remove = useRemoveParticipant(training.id);
  const problemText = useProblemText();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant={row.dirty ? 'filled' : 'light'} leftSection={<IconDeviceFloppy size={14} />} onClick={row.save} loading={row.saving} aria-label={t('trainings.grid.saveAria', { name: p.fullName })}>
        {t('trainings.grid.save')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        aria-label={t('trainings.grid.removeAria', { name: p.fullName })}
        loading={remove.isPending}
        onClick={() => {
          if (!window.confirm(t('trainings.grid.removeConfirm', { name: p.fullName }))) return;
          remove.mutate(p.id, {
            onSuccess: () => notify(t('trainings.grid.removed', { name: p.fullName })),
            onError: (err) => notify(problemText(err).detail, { color: 'red', title: problemText(err).title }),
          });
        }}
      >
        <IconTrash size={14} />
      </Button>
    </Group>
  );
}

function TableRow({ training, p }: { training: Training; p: Participant }) {
  const row = useRow(training, p);
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={500} style={{ minWidth: 160 }}>
          <Text size="sm" fw={600}>
            {p.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {p.school?.name ?? ''}
          </Text>
        </Table.Th>
        <Inputs training={training} p={p} row={row} compact={false} />
        <Table.Td>
          <Actions p={p} row={row} training={training} />
        </Table.Td>
      </Table.Tr>
      {row.message && (
        <Table.Tr>
          <Table.Td colSpan={5 + training.questionnaire.length}>
            <Text size="sm" c="red.8" role="alert">
              {row.message}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function Card({ training, p }: { training: Training; p: Participant }) {
  const { t } = useI18n();
  const row = useRow(training, p);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('trainings.grid.cardAria', { name: p.fullName })}>
      <Text fw={600}>{p.fullName}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {[p.school?.name, t(`trainings.role.${p.role}`)].filter(Boolean).join(' · ')}
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        <Inputs training={training} p={p} row={row} compact />
      </SimpleGrid>
      {row.message && (
        <Text size="sm" c="red.8" role="alert" mt="xs">
          {row.message}
        </Text>
      )}
      <Group mt="sm">
        <Actions p={p} row={row} training={training} />
      </Group>
    </Paper>
  );
}

/** Attendance, scores and answers in a grid: one row per participant, saved per row (Enter saves the row). */
export function ParticipantGrid({ training, participants }: { training: Training; participants: Participant[] }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('trainings.grid.help', { min: formatNumber(training.scoreScale.min, lang), max: formatNumber(training.scoreScale.max, lang) })}
      </Text>
      <TableOrCards
        minWidth={640 + training.questionnaire.length * 72}
        cards={
          <Stack gap="sm">
            {participants.map((p) => (
              <Card key={p.id} training={training} p={p} />
            ))}
          </Stack>
        }
        table={
          <Table withTableBorder verticalSpacing={6} aria-label={t('trainings.grid.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.grid.participant')}</Table.Th>
                <Table.Th scope="col">{t('trainings.grid.attended')}</Table.Th>
                <Table.Th scope="col">{t('trainings.grid.pre')}</Table.Th>
                <Table.Th scope="col">{t('trainings.grid.post')}</Table.Th>
                {training.questionnaire.map((q, i) => (
                  <Table.Th scope="col" key={q.id}>
                    <abbr title={q.text}>{t('trainings.grid.item', { n: i + 1 })}</abbr>
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('trainings.grid.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participants.map((p) => (
                <TableRow key={p.id} training={training} p={p} />
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </Stack>
  );
}

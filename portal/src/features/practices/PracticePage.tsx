import { Alert, Button, Card, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconPencil, IconSend, IconWorldUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatDate } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { practiceCalls, practiceKeys, usePractice, type PracticeDetail } from './api';
import { PracticeStatusBadge, PracticeTags } from './components';

/** /practices/:id: one practice, who to contact about it, and the next step of its workflow for whoever takes it. */
export function PracticePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { me, hasPermission } = useSession();
  const practice = usePractice(id);
  if (practice.isPending || practice.isError) return <PageState loading={practice.isPending} error={practice.error} />;
  const p = practice.data;
  const ownSchool = me?.organization.id === p.school.id && hasPermission('practices:write');
  const editable = ownSchool && (p.status === 'draft' || p.status === 'returned');
  const reviews = hasPermission('practices:review') && p.status === 'proposed' && me?.user.role !== 'admin';

  return (
    <Stack gap="lg" maw={960}>
      <BackLink to="/practices">{t('practices.page.back')}</BackLink>
      <div>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1}>{p.title}</Title>
          <PracticeStatusBadge status={p.status} />
        </Group>
        <Text c="gray.7" mt={4}>
          {p.school.name} · {t(`common.topic.${p.topic}`)} · {p.year}
        </Text>
        {p.publishedAt && (
          <Text size="sm" c="gray.7">
            {t('practices.page.publishedOn', { date: formatDate(p.publishedAt, lang), by: p.reviewedByName ?? '–' })}
          </Text>
        )}
      </div>

      {p.status === 'returned' && p.returnedReason && (
        <Alert color="orange" title={t('practices.page.returnedTitle')}>
          {p.returnedReason}
        </Alert>
      )}
      {p.status === 'draft' && ownSchool && <Alert color="gray">{t('practices.page.draftPrivate')}</Alert>}
      {p.status === 'proposed' && ownSchool && <Alert color="blue">{t('practices.page.waiting')}</Alert>}

      {(editable || reviews) && <Actions practice={p} editable={editable} reviews={reviews} />}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="lg" style={{ gridColumn: 'span 2' }}>
          <section aria-labelledby="summary-heading">
            <Title order={2} size="h3" id="summary-heading" mb="xs">
              {t('practices.fields.summary')}
            </Title>
            <Text>{p.summary}</Text>
            <PracticeTags practice={p} />
          </section>
          <section aria-labelledby="done-heading">
            <Title order={2} size="h3" id="done-heading" mb="xs">
              {t('practices.fields.whatWasDone')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.whatWasDone}</Text>
          </section>
          <section aria-labelledby="results-heading">
            <Title order={2} size="h3" id="results-heading" mb="xs">
              {t('practices.fields.results')}
            </Title>
            {p.results.length === 0 ? (
              <Text c="gray.7">{t('practices.page.noResults')}</Text>
            ) : (
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('practices.fields.indicator')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('practices.fields.value')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.results.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.indicator}</Table.Td>
                      <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {r.value}
                        {r.unit ? ` ${r.unit}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
          <Evidence practice={p} canAttach={editable} />
        </Stack>
        <Contact practice={p} />
      </SimpleGrid>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** Who to contact: the school's public profile (never a person's e-mail or phone). */
function Contact({ practice: p }: { practice: PracticeDetail }) {
  const { t } = useI18n();
  const s = p.school;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contact-heading" h="fit-content">
      <Title order={2} size="h4" id="contact-heading" mb="xs">
        {t('practices.contact.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('practices.contact.intro')}
      </Text>
      <Stack gap="xs">
        <Fact label={t('practices.contact.school')} value={s.name} />
        <Fact label="NPSN" value={s.npsn ?? '–'} />
        <Fact label={t('practices.contact.principal')} value={s.principalName ?? '–'} />
        <Fact label={t('practices.contact.address')} value={s.address ?? '–'} />
        <Fact label={t('practices.contact.region')} value={[s.districtName, s.regionName, s.provinceName].filter(Boolean).join(', ') || '–'} />
      </Stack>
    </Paper>
  );
}

function Evidence({ practice: p, canAttach }: { practice: PracticeDetail; canAttach: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const attach = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      await practiceCalls.attach(p.id, file);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: practiceKeys.one(p.id) });
      notify(t('practices.evidence.added'));
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="evidence-heading">
      <Title order={2} size="h3" id="evidence-heading" mb="xs">
        {t('practices.evidence.title')}
      </Title>
      {p.evidence.length === 0 ? (
        <Text c="gray.7">{t('practices.evidence.none')}</Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {p.evidence.map((d) => (
            <li key={d.id}>
              <Button variant="subtle" leftSection={<IconDownload size={16} aria-hidden="true" />} onClick={() => void practiceCalls.download(p.id, d)}>
                {d.filename}
              </Button>
            </li>
          ))}
        </Stack>
      )}
      {canAttach && (
        <Card withBorder padding="sm" radius="md" mt="sm">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <FileInput label={t('practices.evidence.file')} description={t('practices.evidence.hint')} accept="application/pdf,image/png,image/jpeg" value={file} onChange={setFile} clearable style={{ flex: '1 1 16rem' }} />
            <Button onClick={() => void attach()} disabled={!file} loading={busy} leftSection={<IconFileUpload size={16} aria-hidden="true" />}>
              {t('practices.evidence.upload')}
            </Button>
          </Group>
          {problem !== null && <ProblemAlert error={problem} />}
        </Card>
      )}
    </section>
  );
}

/** The principal's next step (change, propose) or the reviewer's (publish, return with a reason). */
function Actions({ practice: p, editable, reviews }: { practice: PracticeDetail; editable: boolean; reviews: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const run = async (name: string, call: () => Promise<PracticeDetail>, done: string) => {
    setBusy(name);
    setProblem(null);
    try {
      const next = await call();
      queryClient.setQueryData(practiceKeys.one(p.id), next);
      await queryClient.invalidateQueries({ queryKey: ['practices', 'list'] });
      notify(done);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="next-heading">
      <Title order={2} size="h4" id="next-heading" mb="sm">
        {t('practices.page.nextStep')}
      </Title>
      {editable && (
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to={`/practices/${p.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />}>
            {t('practices.page.edit')}
          </Button>
          <Button loading={busy === 'propose'} leftSection={<IconSend size={16} aria-hidden="true" />} onClick={() => void run('propose', () => practiceCalls.propose(p.id, p.version), t('practices.page.proposed'))}>
            {t('practices.page.propose')}
          </Button>
          <Text size="sm" c="gray.7">
            {t('practices.page.proposeHint')}
          </Text>
        </Group>
      )}
      {reviews && (
        <Stack gap="sm">
          <Text size="sm">{t('practices.page.reviewHint')}</Text>
          <Group gap="sm">
            <Button loading={busy === 'publish'} leftSection={<IconWorldUpload size={16} aria-hidden="true" />} onClick={() => void run('publish', () => practiceCalls.publish(p.id, p.version), t('practices.page.publishedDone'))}>
              {t('practices.page.publish')}
            </Button>
          </Group>
          <Textarea
            label={t('practices.page.returnReason')}
            description={t('practices.page.returnHint')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group>
            <Button
              variant="default"
              loading={busy === 'return'}
              onClick={() => {
                if (!reason.trim()) {
                  setReasonError(t('practices.page.returnReasonRequired'));
                  return;
                }
                void run('return', () => practiceCalls.return(p.id, p.version, reason.trim()), t('practices.page.returnedDone'));
              }}
            >
              {t('practices.page.return')}
            </Button>
          </Group>
        </Stack>
      )}
      {problem !== null && <ProblemAlert error={problem} />}
    </Paper>
  );
}

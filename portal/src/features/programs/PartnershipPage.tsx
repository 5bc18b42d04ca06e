import { Alert, Anchor, Button, Card, Group, Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Timeline as MTimeline, Title } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n, type Language } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import { downloadSummary, useChangePartnershipStatus, usePartnership, usePartnershipMous, useTimeline, type PartnershipDetail, type PartnershipStatus } from './api';
import { PartnershipStatusBadge, YEAR_STATUS_COLOR } from './badges';
import { canManagePartnerships } from './roles';

/** /partnerships/:id: school, program, status with its history, cohort years, MoUs, the timeline and the one-page summary. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const partnership = usePartnership(id);
  const timeline = useTimeline(id, partnership.isSuccess);
  const mous = usePartnershipMous(id);
  const [changing, setChanging] = useState(false);
  if (partnership.isPending || partnership.isError) return <PageState loading={partnership.isPending} error={partnership.error} />;
  const p = partnership.data;
  const manage = canManagePartnerships(session);
  const history = (timeline.data?.years ?? []).flatMap((y) => y.events.filter((e) => e.kind === 'partnership_status'));

  return (
    <Stack gap="lg">
      <BackLink to={`/partnerships?programId=${p.program.id}`}>{t('programs.partnership.back')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={1}>{p.school.name}</Title>
          <Text c="gray.7">
            <Anchor component={Link} to={`/programs/${p.program.id}`}>
              {p.program.name}
            </Anchor>{' '}
            · {p.company.name}
          </Text>
        </div>
        <PartnershipStatusBadge status={p.status} />
      </Group>

      <Card withBorder>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Fact label={t('programs.partnerships.startedOn')} value={p.startedOn ? <DateText value={p.startedOn} /> : '–'} />
            <Fact label={t('programs.partnership.endedOn')} value={p.endedOn ? <DateText value={p.endedOn} /> : '–'} />
            <Fact label={t('programs.partnership.npsn')} value={p.school.npsn ?? '–'} />
          </SimpleGrid>
          {p.statusReason && (
            <Text size="sm">
              <Text span fw={600}>
                {t('programs.partnership.reason')}:
              </Text>{' '}
              {p.statusReason}
            </Text>
          )}
          {manage && p.allowedMoves.length > 0 && (
            <Group>
              <Button variant="default" onClick={() => setChanging(true)}>
                {t('programs.partnership.changeStatus')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>

      <SummaryDownload id={p.id} />

      <section aria-labelledby="history-heading">
        <Title order={2} id="history-heading" mb="xs">
          {t('programs.partnership.history')}
        </Title>
        {timeline.isPending ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : history.length === 0 ? (
          <Text size="sm">{t('common.none')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {history.map((e) => (
              <li key={e.refId}>
                <Text size="sm">
                  <DateText value={e.date} />: {e.title}
                  {e.detail ? ` — ${e.detail}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="cohort-heading">
        <Title order={2} id="cohort-heading" mb="xs">
          {t('programs.partnership.cohortYears')}
        </Title>
        {p.cohortYears.length === 0 ? (
          <Text size="sm">{t('programs.partnership.noCohort')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {p.cohortYears.map((y) => (
              <Group key={y.year} component="li" gap="xs" wrap="wrap">
                <Text fw={700}>{y.year}</Text>
                <Text size="sm">{y.theme ?? '–'}</Text>
                {y.yearStatus && <StatusBadge color={YEAR_STATUS_COLOR[y.yearStatus]}>{t(`programs.yearStatus.${y.yearStatus}`)}</StatusBadge>}
                <Text size="xs" c="gray.7">
                  {y.explicit ? t('programs.cohort.explicit') : t('programs.partnership.activeThatYear')}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="mous-heading">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} id="mous-heading">
            {t('programs.partnership.mous')}
          </Title>
          {session.me?.user.role === 'csr_officer' && session.hasPermission('mous:manage') && p.status !== 'ended' && (
            <Button component={Link} to={`/mous/new?partnershipId=${p.id}`} leftSection={<IconPlus size={16} />} variant="default">
              {t('programs.partnership.newMou')}
            </Button>
          )}
        </Group>
        {mous.isPending ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : mous.isError ? (
          <ProblemAlert error={mous.error} />
        ) : (mous.data?.items ?? []).length === 0 ? (
          <Text size="sm">{t('programs.partnership.noMous')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(mous.data?.items ?? []).map((m) => (
              <li key={m.id}>
                <Anchor component={Link} to={`/mous/${m.id}`} size="sm">
                  {m.number} · {m.title}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {t(`programs.mouStatus.${m.status}`)} · <DateText value={m.effectiveDate} short /> – <DateText value={m.expiryDate} short />
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="facilities-heading">
        <Title order={2} id="facilities-heading" mb="xs">
          {t('programs.partnership.facilities')}
        </Title>
        <Anchor component={Link} to={`/facilities?partnershipId=${p.id}`} size="sm">
          {t('programs.partnership.facilitiesLink')}
        </Anchor>
      </section>

      <section aria-labelledby="timeline-heading">
        <Title order={2} id="timeline-heading" mb="xs">
          {t('programs.partnership.timeline')}
        </Title>
        {timeline.isPending || timeline.isError ? (
          <PageState loading={timeline.isPending} error={timeline.error} />
        ) : (
          <MTimeline bulletSize={14} lineWidth={2}>
            {[...timeline.data.years].reverse().map((y) => (
              <MTimeline.Item key={y.year} title={<Title order={3} size="h5">{y.theme ? `${y.year} · ${y.theme}` : String(y.year)}</Title>}>
                <Text size="xs" c="gray.7">
                  {y.inCohort ? t('programs.partnership.inCohort') : t('programs.partnership.notInCohort')}
                </Text>
                {y.events.length === 0 ? (
                  <Text size="sm">{t('programs.partnership.nothingThatYear')}</Text>
                ) : (
                  <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: '1.1rem' }}>
                    {y.events.map((e, i) => (
                      <li key={`${e.kind}-${e.refId}-${i}`}>
                        <Text size="sm">
                          <DateText value={e.date} short /> · {e.title}
                          {e.detail ? ` — ${e.detail}` : ''}
                        </Text>
                      </li>
                    ))}
                  </Stack>
                )}
              </MTimeline.Item>
            ))}
          </MTimeline>
        )}
      </section>
      {changing && <ChangeStatusModal partnership={p} onClose={() => setChanging(false)} />}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function SummaryDownload({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [locale, setLocale] = useState<Language>(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder component="section" aria-labelledby="summary-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="summary-heading">
          {t('programs.partnership.summary')}
        </Title>
        <Text size="sm">{t('programs.partnership.summaryText')}</Text>
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t('programs.partnership.summaryLanguage')}
            value={locale}
            onChange={(v) => setLocale(v as Language)}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button
            leftSection={<IconDownload size={16} />}
            loading={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              downloadSummary(id, locale)
                .catch(setError)
                .finally(() => setBusy(false));
            }}
          >
            {t('programs.partnership.download')}
          </Button>
        </Group>
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}

function ChangeStatusModal({ partnership: p, onClose }: { partnership: PartnershipDetail; onClose(): void }) {
  const { t } = useI18n();
  const change = useChangePartnershipStatus(p.id);
  const [status, setStatus] = useState<PartnershipStatus>(p.allowedMoves[0]);
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const needsReason = status === 'paused' || status === 'ended';
  const problem = change.error ? (change.error as { fields?: Array<{ field: string; message: string }> }) : null;
  const fieldMessage = (f: string) => problem?.fields?.find((x) => x.field === f)?.message;
  return (
    <Modal opened onClose={onClose} title={t('programs.partnership.changeStatus')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate(
            { status, ...(on ? { on } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) },
            {
              onSuccess: () => {
                notify(t('programs.partnership.statusChanged', { status: t(`programs.partnershipStatus.${status}`) }));
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('programs.partnership.newStatus')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as PartnershipStatus)}
            data={p.allowedMoves.map((s) => ({ value: s, label: t(`programs.partnershipStatus.${s}`) }))}
            error={fieldMessage('status')}
          />
          <TextInput type="date" label={t('programs.partnership.on')} description={t('programs.partnership.onHint')} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={fieldMessage('on')} />
          <Textarea
            label={t('programs.partnership.reason')}
            withAsterisk={needsReason}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldMessage('reason')}
          />
          {change.error && !fieldMessage('reason') && !fieldMessage('on') && !fieldMessage('status') ? <ProblemAlert error={change.error} /> : null}
          {change.error && (fieldMessage('reason') || fieldMessage('on') || fieldMessage('status')) ? (
            <Alert color="red" role="alert">
              {t('common.problem.fieldsTitle')}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('programs.partnership.confirmStatus')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Anchor, Button, Card, FileButton, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { DOCUMENT_ACCEPT, DOCUMENT_KINDS, downloadDocument, useMou, useMouActions, type Amendment, type MouDetail } from './api';
import { MouStatusBadge } from './badges';
import { mouBody, MouFields, mouValues, useMouLabels, type MouValues } from './MouForm';
import { ExpiryAlert } from './MousPage';

type Actions = ReturnType<typeof useMouActions>;

/** /mous/:id: one MoU — terms, parties and signatures, documents, amendments, renewal chain, termination. */
export function MouPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const mou = useMou(id);
  const actions = useMouActions(id);
  const [editing, setEditing] = useState(false);
  if (mou.isPending || mou.isError) return <PageState loading={mou.isPending} error={mou.error} />;
  const m = mou.data;
  const myOrg = session.me?.organization.id;
  const manage = session.me?.user.role === 'csr_officer' && session.hasPermission('mous:manage') && myOrg === m.company.id;
  const canSign = session.hasPermission('mous:sign');

  return (
    <Stack gap="lg">
      <BackLink to="/mous">{t('mous.backToList')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {m.number}
          </Text>
          <Title order={1}>{m.title}</Title>
          <Text c="gray.7">
            {m.company.name} · {m.school.name}
          </Text>
        </div>
        <MouStatusBadge status={m.status} />
      </Group>
      <ExpiryAlert mou={m} />
      {m.status === 'draft' && manage && !editing && (
        <Alert color="blue" title={t('mous.draft.title')}>
          <Text size="sm">{t('mous.draft.text')}</Text>
          <Group mt="sm" gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('mous.draft.edit')}
            </Button>
            <Button onClick={() => actions.submit.mutate(undefined, { onSuccess: () => notify(t('mous.draft.submitted')) })} loading={actions.submit.isPending}>
              {t('mous.draft.submit')}
            </Button>
          </Group>
          {actions.submit.error ? (
            <div style={{ marginTop: 8 }}>
              <ProblemAlert error={actions.submit.error} />
            </div>
          ) : null}
        </Alert>
      )}
      {editing ? (
        <EditDraft mou={m} actions={actions} onDone={() => setEditing(false)} refetch={() => mou.refetch()} />
      ) : (
        <>
          <Terms mou={m} />
          <Parties mou={m} myOrg={myOrg} canSign={canSign} actions={actions} />
          <Obligations mou={m} />
          <Documents mou={m} manage={manage} actions={actions} />
          <Amendments mou={m} manage={manage} myOrg={myOrg} canSign={canSign} actions={actions} />
          <Chain mou={m} manage={manage} actions={actions} />
          {manage && m.status === 'active' && <Terminate mou={m} actions={actions} />}
          {m.status === 'terminated' && (
            <Alert color="gray" title={t('mous.terminate.doneTitle')}>
              <Text size="sm">
                <DateText value={m.terminatedOn} /> — {m.terminationReason}
              </Text>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

function Terms({ mou: m }: { mou: MouDetail }) {
  const { t } = useI18n();
  return (
    <Card withBorder component="section" aria-labelledby="terms-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="terms-heading">
          {t('mous.terms')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Fact label={t('mous.field.effectiveDate')} value={<DateText value={m.effectiveDate} />} />
          <Fact label={t('mous.field.expiryDate')} value={<DateText value={m.expiryDate} />} />
          <Fact label={t('mous.version')} value={String(m.version)} />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          {t('mous.field.scope')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.scope}
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={`/partnerships/${m.partnershipId}`} size="sm">
            {t('mous.partnershipLink')}
          </Anchor>
          <Anchor component={Link} to={`/programs/${m.programId}`} size="sm">
            {t('mous.programLink')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
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

function Parties({ mou: m, myOrg, canSign, actions }: { mou: MouDetail; myOrg?: string; canSign: boolean; actions: Actions }) {
  const { t } = useI18n();
  const mine = m.parties.find((p) => p.organization.id === myOrg);
  const mayShowSign = canSign && m.status === 'awaiting_signatures' && !!mine && mine.signatureRequired && !mine.signature;
  const signature = (p: MouDetail['parties'][number]) =>
    p.signature ? (
      <Text size="sm">
        {t('mous.parties.signedBy', { name: p.signature.signedBy.fullName ?? '–' })} · <DateText value={p.signature.signedAt} withTime />
      </Text>
    ) : p.signatureRequired ? (
      <Text size="sm" c="red.9">
        {t('mous.parties.waiting')}
      </Text>
    ) : (
      <Text size="sm" c="gray.7">
        {t('mous.parties.notRequired')}
      </Text>
    );
  return (
    <section aria-labelledby="parties-title">
      <Title order={2} size="h3" id="parties-title" mb="xs">
        {t('mous.field.parties')}
      </Title>
      <TableOrCards
        minWidth={640}
        table={
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mous.parties.organization')}</Table.Th>
                <Table.Th scope="col">{t('mous.parties.role')}</Table.Th>
                <Table.Th scope="col">{t('mous.parties.signature')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.parties.map((p) => (
                <Table.Tr key={p.organization.id}>
                  <Table.Td>{p.organization.name}</Table.Td>
                  <Table.Td>{t(`mous.role.${p.role}`)}</Table.Td>
                  <Table.Td>{signature(p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
        cards={
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {m.parties.map((p) => (
              <Card key={p.organization.id} withBorder padding="sm" component="li">
                <Text fw={600}>{p.organization.name}</Text>
                <Text size="sm" c="gray.7">
                  {t(`mous.role.${p.role}`)}
                </Text>
                {signature(p)}
              </Card>
            ))}
          </Stack>
        }
      />
      {mayShowSign && mine && (
        <Card withBorder mt="sm" bg="teal.0">
          <Stack gap="xs">
            <Text size="sm">{t(mine.role === 'witness' ? 'mous.sign.asWitness' : 'mous.sign.text', { org: mine.organization.name })}</Text>
            <Group>
              <Button leftSection={<IconSignature size={16} />} loading={actions.sign.isPending} onClick={() => actions.sign.mutate(undefined, { onSuccess: () => notify(t('mous.sign.done')) })}>
                {t(mine.role === 'witness' ? 'mous.sign.buttonWitness' : 'mous.sign.button', { org: mine.organization.name })}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {actions.sign.error ? (
        <div style={{ marginTop: 8 }}>
          <ProblemAlert error={actions.sign.error} />
        </div>
      ) : null}
    </section>
  );
}

function Obligations({ mou: m }: { mou: MouDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="obligations-title">
      <Title order={2} size="h3" id="obligations-title" mb="xs">
        {t('mous.field.obligations')}
      </Title>
      {m.obligations.length === 0 ? (
        <Text size="sm">{t('mous.form.noObligations')}</Text>
      ) : (
        <Stack gap={6} component="ol" style={{ margin: 0, paddingLeft: '1.3rem' }}>
          {m.obligations.map((o) => (
            <li key={o.id}>
              <Text size="sm">
                <Text span fw={600}>
                  {o.owner.name}:
                </Text>{' '}
                {o.text}
                {o.dueDate && (
                  <>
                    {' '}
                    ({t('mous.obligationDue')} <DateText value={o.dueDate} />)
                  </>
                )}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

function Documents({ mou: m, manage, actions }: { mou: MouDetail; manage: boolean; actions: Actions }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string>('signed_mou');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  return (
    <section aria-labelledby="documents-title">
      <Title order={2} size="h3" id="documents-title" mb="xs">
        {t('mous.documents.title')}
      </Title>
      {m.documents.length === 0 ? (
        <Text size="sm">{t('mous.documents.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {m.documents.map((d) => (
            <Group key={d.id} component="li" gap="xs" wrap="wrap">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconDownload size={14} />}
                onClick={() => {
                  setDownloadError(null);
                  downloadDocument(m.id, d).catch(setDownloadError);
                }}
                style={{ maxWidth: '100%' }}
              >
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{d.filename}</span>
              </Button>
              <Text size="xs" c="gray.7">
                {t(`mous.documents.kind.${d.kind}`)} · <DateText value={d.createdAt} short />
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <ProblemAlert error={downloadError} />
      {manage && (
        <Card withBorder mt="sm" padding="sm">
          <Stack gap="xs">
            <Text size="sm">{t('mous.documents.hint')}</Text>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('mous.documents.kindLabel')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value)}
                data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`mous.documents.kind.${k}`) }))}
              />
              <FileButton
                accept={DOCUMENT_ACCEPT}
                onChange={(file) => {
                  if (file) actions.upload.mutate({ file, kind }, { onSuccess: () => notify(t('mous.documents.uploaded')) });
                }}
              >
                {(props) => (
                  <Button {...props} leftSection={<IconFileUpload size={16} />} loading={actions.upload.isPending}>
                    {t('mous.documents.upload')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <ProblemAlert error={actions.upload.error} extra={toProblem(actions.upload.error).fields} />
          </Stack>
        </Card>
      )}
    </section>
  );
}

function Amendments({ mou: m, manage, myOrg, canSign, actions }: { mou: MouDetail; manage: boolean; myOrg?: string; canSign: boolean; actions: Actions }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const open = m.amendments.some((a) => a.status === 'awaiting_signatures');
  if (m.amendments.length === 0 && !(manage && m.status === 'active')) return null;
  return (
    <section aria-labelledby="amendments-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="amendments-title">
          {t('mous.amendments.title')}
        </Title>
        {manage && m.status === 'active' && !open && (
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('mous.amendments.new')}
          </Button>
        )}
      </Group>
      {m.amendments.length === 0 ? (
        <Text size="sm">{t('mous.amendments.none')}</Text>
      ) : (
        <Stack gap="sm">
          {m.amendments.map((a) => (
            <AmendmentCard key={a.id} mou={m} amendment={a} myOrg={myOrg} canSign={canSign} actions={actions} />
          ))}
        </Stack>
      )}
      {actions.signAmendment.error ? <ProblemAlert error={actions.signAmendment.error} /> : null}
      {adding && <AmendModal actions={actions} onClose={() => setAdding(false)} />}
    </section>
  );
}

function AmendmentCard({ mou: m, amendment: a, myOrg, canSign, actions }: { mou: MouDetail; amendment: Amendment; myOrg?: string; canSign: boolean; actions: Actions }) {
  const { t } = useI18n();
  const mayShowSign = canSign && m.status === 'active' && a.status === 'awaiting_signatures' && a.pendingSignatures.some((p) => p.id === myOrg);
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {t('mous.amendments.n', { n: a.number })}
          </Title>
          <Text size="sm" fw={600} c={a.status === 'active' ? 'teal.9' : 'red.9'}>
            {t(`mous.amendments.status.${a.status}`)}
          </Text>
        </Group>
        <Text size="sm">{a.summary}</Text>
        {a.newExpiryDate && (
          <Text size="sm">
            {t('mous.amendments.newExpiry')}: <DateText value={a.newExpiryDate} />
          </Text>
        )}
        {a.signatures.map((s) => (
          <Text key={s.organization.id} size="xs" c="gray.7">
            {s.organization.name}: {t('mous.parties.signedBy', { name: s.signedBy.fullName ?? '–' })} · <DateText value={s.signedAt} short />
          </Text>
        ))}
        {a.pendingSignatures.length > 0 && (
          <Text size="xs" c="red.9">
            {t('mous.amendments.pending', { orgs: a.pendingSignatures.map((p) => p.name).join(', ') })}
          </Text>
        )}
        {mayShowSign && (
          <Group>
            <Button
              size="sm"
              leftSection={<IconSignature size={16} />}
              loading={actions.signAmendment.isPending}
              onClick={() => actions.signAmendment.mutate(a.id, { onSuccess: () => notify(t('mous.sign.done')) })}
            >
              {t('mous.amendments.sign', { n: a.number })}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function AmendModal({ actions, onClose }: { actions: Actions; onClose(): void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [newExpiryDate, setNewExpiryDate] = useState('');
  const fields = toProblem(actions.amend.error).fields;
  const at = (f: string) => fields.find((x) => x.field === f)?.message;
  return (
    <Modal opened onClose={onClose} title={t('mous.amendments.new')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          actions.amend.mutate({ summary: summary.trim(), obligations: [], ...(newExpiryDate ? { newExpiryDate } : {}) }, { onSuccess: () => (notify(t('mous.amendments.created')), onClose()) });
        }}
      >
        <Stack gap="sm">
          <Textarea label={t('mous.amendments.summary')} withAsterisk autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={at('summary')} />
          <TextInput type="date" label={t('mous.amendments.newExpiry')} description={t('common.optional')} value={newExpiryDate} onChange={(e) => setNewExpiryDate(e.currentTarget.value)} error={at('newExpiryDate')} />
          {actions.amend.error && !at('summary') && !at('newExpiryDate') ? <ProblemAlert error={actions.amend.error} extra={fields} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.amend.isPending}>
              {t('mous.amendments.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Chain({ mou: m, manage, actions }: { mou: MouDetail; manage: boolean; actions: Actions }) {
  const { t } = useI18n();
  const [renewing, setRenewing] = useState(false);
  const canRenew = manage && (m.status === 'active' || m.status === 'expired') && !m.renewedByMouId;
  if (m.chain.length <= 1 && !canRenew) return null;
  return (
    <section aria-labelledby="chain-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="chain-title">
          {t('mous.chain.title')}
        </Title>
        {canRenew && (
          <Button variant="default" onClick={() => setRenewing(true)}>
            {t('mous.chain.renew')}
          </Button>
        )}
      </Group>
      {m.previousMouId && (
        <Text size="sm">
          {t('mous.chain.renews')}{' '}
          <Anchor component={Link} to={`/mous/${m.previousMouId}`}>
            {m.chain.find((c) => c.id === m.previousMouId)?.number ?? t('mous.chain.previous')}
          </Anchor>
        </Text>
      )}
      {m.nextMouId && (
        <Text size="sm">
          {t('mous.chain.renewedBy')}{' '}
          <Anchor component={Link} to={`/mous/${m.nextMouId}`}>
            {m.chain.find((c) => c.id === m.nextMouId)?.number ?? t('mous.chain.next')}
          </Anchor>
        </Text>
      )}
      {m.chain.length > 1 && (
        <Stack gap={2} component="ol" mt="xs" style={{ margin: 0, paddingLeft: '1.3rem' }}>
          {m.chain.map((c) => (
            <li key={c.id}>
              <Text size="sm">
                {c.id === m.id ? (
                  <Text span fw={700}>
                    {c.number} ({t('mous.chain.this')})
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/mous/${c.id}`}>
                    {c.number}
                  </Anchor>
                )}{' '}
                · {t(`mous.status.${c.status}`)} · <DateText value={c.effectiveDate} short /> – <DateText value={c.expiryDate} short />
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {renewing && <RenewModal mou={m} actions={actions} onClose={() => setRenewing(false)} />}
    </section>
  );
}

function RenewModal({ mou: m, actions, onClose }: { mou: MouDetail; actions: Actions; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [effectiveDate, setEffective] = useState('');
  const [expiryDate, setExpiry] = useState('');
  const fields = toProblem(actions.renew.error).fields;
  const at = (f: string) => fields.find((x) => x.field === f)?.message;
  return (
    <Modal opened onClose={onClose} title={t('mous.chain.renewTitle', { number: m.number })} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          actions.renew.mutate(
            { number: number.trim(), effectiveDate, expiryDate },
            {
              onSuccess: (next) => {
                notify(t('mous.chain.renewed'));
                onClose();
                void navigate(`/mous/${next.id}`);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('mous.chain.renewText')}</Text>
          <TextInput label={t('mous.field.number')} withAsterisk value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={at('number')} />
          <TextInput type="date" label={t('mous.field.effectiveDate')} withAsterisk value={effectiveDate} onChange={(e) => setEffective(e.currentTarget.value)} error={at('effectiveDate')} />
          <TextInput type="date" label={t('mous.field.expiryDate')} withAsterisk value={expiryDate} onChange={(e) => setExpiry(e.currentTarget.value)} error={at('expiryDate')} />
          {actions.renew.error && !at('number') && !at('effectiveDate') && !at('expiryDate') ? <ProblemAlert error={actions.renew.error} extra={fields} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.renew.isPending}>
              {t('mous.chain.renewConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Terminate({ mou: m, actions }: { mou: MouDetail; actions: Actions }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const fields = toProblem(actions.terminate.error).fields;
  const at = (f: string) => fields.find((x) => x.field === f)?.message;
  return (
    <section aria-labelledby="terminate-title">
      <Title order={2} size="h3" id="terminate-title" mb="xs">
        {t('mous.terminate.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('mous.terminate.text')}
      </Text>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('mous.terminate.button')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('mous.terminate.modal', { number: m.number })} centered>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              actions.terminate.mutate({ on, reason: reason.trim() }, { onSuccess: () => (notify(t('mous.terminate.doneToast')), setOpen(false)) });
            }}
          >
            <Stack gap="sm">
              <TextInput type="date" label={t('mous.terminate.on')} withAsterisk value={on} onChange={(e) => setOn(e.currentTarget.value)} error={at('on')} />
              <Textarea label={t('mous.terminate.reason')} withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={at('reason')} />
              {actions.terminate.error && !at('on') && !at('reason') ? <ProblemAlert error={actions.terminate.error} extra={fields} /> : null}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="red" loading={actions.terminate.isPending}>
                  {t('mous.terminate.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
    </section>
  );
}

/**
 * The draft's terms in the form. A 409 (someone saved a newer version) loads the newer MoU, shows what
 * it now says, and keeps the user's input: saving again applies it on top of the newer version.
 */
function EditDraft({ mou: m, actions, onDone, refetch }: { mou: MouDetail; actions: Actions; onDone(): void; refetch(): Promise<unknown> }) {
  const { t } = useI18n();
  const form = useForm<MouValues>({ defaultValues: mouValues(m) });
  const label = useMouLabels();
  const [error, setError] = useState<unknown>(null);
  const [rest, setRest] = useState<FieldProblem[]>([]);
  const [conflict, setConflict] = useState(false);
  const known = m.parties.map((p) => p.organization);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setRest([]);
    try {
      const { partnershipId: _p, ...body } = mouBody(values);
      await actions.update.mutateAsync({ ...body, version: m.version });
      setConflict(false);
      notify(t('common.saved'));
      onDone();
    } catch (err) {
      const p = toProblem(err);
      if (p.isConflict) {
        await refetch();
        setConflict(true);
        return;
      }
      const left = applyProblemToForm(form, err, { label });
      setRest(left);
      if (p.fields.length === 0 || left.length > 0) setError(err);
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="edit-heading">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="edit-heading">
            {t('mous.draft.editTitle')}
          </Title>
          {conflict && (
            <Alert role="alert" color="orange" title={t('common.problem.conflictTitle')}>
              <Text size="sm">{t('mous.conflict.text', { version: m.version })}</Text>
              <Text size="sm" mt={4}>
                {t('mous.conflict.newer')}: <strong>{m.number}</strong> · {m.title} · <DateText value={m.effectiveDate} short /> – <DateText value={m.expiryDate} short />
              </Text>
              <Button mt="xs" size="xs" variant="default" onClick={() => (form.reset(mouValues(m)), setConflict(false))}>
                {t('mous.conflict.takeNewer')}
              </Button>
            </Alert>
          )}
          <MouFields form={form} known={known} />
          <ProblemAlert error={error} extra={rest} />
          <Group gap="xs">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

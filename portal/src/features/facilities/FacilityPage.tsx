import { Alert, Anchor, Button, Card, FileInput, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCamera, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatDate } from '../../ui/format';
import { DateText, Money } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { FACILITY_CONDITIONS, facilityCalls, facilityKeys, useFacility, type FacilityCondition, type FacilityDetail, type FacilityDocument } from './api';
import { ConditionBadge, ItemBadges } from './components';

/** The browser's today, as a date field fills it in. */
const today = () => new Date().toLocaleDateString('sv-SE');

/** /facilities/:id: one item with its handover and condition checks; the company records the handover, the school the checks. */
export function FacilityPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { hasPermission } = useSession();
  const item = useFacility(id);
  if (item.isPending || item.isError) return <PageState loading={item.isPending} error={item.error} />;
  const f = item.data;
  const manages = hasPermission('facilities:manage');
  const checks = hasPermission('facilities:check');
  const docs = new Map(f.documents.map((d) => [d.id, d]));
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={`/facilities?partnershipId=${f.partnershipId}`}>{t('facilities.item.back')}</BackLink>
      <div>
        <Title order={1}>{f.itemName}</Title>
        <Text c="gray.7">
          {f.schoolName} · {f.companyName} · {t('facilities.item.yearOf', { year: f.year, program: f.programName })}
        </Text>
        <Group mt="xs">
          <ItemBadges item={f} />
        </Group>
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-heading">
        <Title order={2} size="h4" id="facts-heading" mb="sm">
          {t('facilities.item.facts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Fact label={t('facilities.fields.category')} value={t(`facilities.category.${f.category}`)} />
          <Fact label={t('facilities.fields.quantity')} value={`${f.quantity} ${f.unit}`} />
          <Fact label={t('facilities.fields.value')} value={<Money value={f.value} />} />
          <Fact label={t('facilities.fields.supplier')} value={f.supplier ?? '–'} />
          <Fact label={t('facilities.fields.deliveredOn')} value={f.deliveredOn ? <DateText value={f.deliveredOn} /> : '–'} />
          <Fact label={t('facilities.fields.nextCheck')} value={f.nextCheckDueOn ? <DateText value={f.nextCheckDueOn} /> : '–'} />
        </SimpleGrid>
        {f.note && (
          <Text size="sm" mt="sm">
            {f.note}
          </Text>
        )}
      </Paper>

      {f.checkOverdue && (
        <Alert color="red" title={t('facilities.item.overdueTitle')}>
          {t('facilities.item.overdue', { since: formatDate(f.nextCheckDueOn, lang) })}
        </Alert>
      )}

      <section aria-labelledby="handover-heading">
        <Title order={2} id="handover-heading" mb="xs">
          {t('facilities.handover.title')}
        </Title>
        {f.handover ? (
          <Card withBorder padding="md" radius="md">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Fact label={t('facilities.fields.handoverNumber')} value={f.handover.handoverNumber} />
              <Fact label={t('facilities.fields.handedOverOn')} value={<DateText value={f.handover.handedOverOn} />} />
              <Fact label={t('facilities.fields.receivedBy')} value={f.handover.receivedBy} />
            </SimpleGrid>
            {f.handover.documentId && docs.get(f.handover.documentId) ? (
              <DocumentButton itemId={f.id} doc={docs.get(f.handover.documentId) as FacilityDocument} label={t('facilities.handover.downloadScan')} />
            ) : (
              <Text size="sm" c="gray.7" mt="sm">
                {t('facilities.handover.paperOnly')}
              </Text>
            )}
          </Card>
        ) : manages ? (
          <HandoverForm item={f} />
        ) : (
          <Text>{t('facilities.handover.awaiting')}</Text>
        )}
      </section>

      <section aria-labelledby="checks-heading">
        <Title order={2} id="checks-heading" mb="xs">
          {t('facilities.checks.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('facilities.checks.intro')}
        </Text>
        {checks && f.handover && <CheckForm item={f} />}
        {f.conditionChecks.length === 0 ? (
          <Text mt="sm">{f.handover ? t('facilities.checks.none') : t('facilities.checks.afterHandover')}</Text>
        ) : (
          <Stack gap="sm" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {f.conditionChecks.map((c) => (
              <Card key={c.id} withBorder padding="sm" radius="md" component="li">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>
                    <DateText value={c.checkedOn} />
                  </Text>
                  <ConditionBadge condition={c.condition} />
                </Group>
                {c.note && (
                  <Text size="sm" mt={4}>
                    {c.note}
                  </Text>
                )}
                <Text size="xs" c="gray.7" mt={4}>
                  {t('facilities.checks.by', { name: c.checkedByName ?? '–' })}
                </Text>
                {c.photoDocumentId && docs.get(c.photoDocumentId) && (
                  <DocumentButton itemId={f.id} doc={docs.get(c.photoDocumentId) as FacilityDocument} label={t('facilities.checks.downloadPhoto', { date: formatDate(c.checkedOn, lang) })} />
                )}
              </Card>
            ))}
          </Stack>
        )}
      </section>

      <Text size="sm">
        <Anchor component={Link} to={`/partnerships/${f.partnershipId}`}>
          {t('facilities.item.partnership')}
        </Anchor>
      </Text>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

function DocumentButton({ itemId, doc, label }: { itemId: string; doc: FacilityDocument; label: string }) {
  const [problem, setProblem] = useState<unknown>(null);
  return (
    <Stack gap={4} mt="sm" align="flex-start">
      <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden="true" />} onClick={() => facilityCalls.download(itemId, doc).catch(setProblem)}>
        {label}
      </Button>
      <ProblemAlert error={problem} />
    </Stack>
  );
}

interface HandoverValues {
  handoverNumber: string;
  handedOverOn: string;
  receivedBy: string;
  file: File | null;
}

/** The company records the berita acara serah terima with its signed scan: from then on the item counts as delivered. */
function HandoverForm({ item }: { item: FacilityDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<HandoverValues>({ defaultValues: { handoverNumber: '', handedOverOn: today(), receivedBy: '', file: null } });
  const labels: Record<string, string> = {
    handoverNumber: t('facilities.fields.handoverNumber'),
    handedOverOn: t('facilities.fields.handedOverOn'),
    receivedBy: t('facilities.fields.receivedBy'),
    file: t('facilities.fields.scan'),
  };
  const required = (name: string) => ({ required: t('facilities.form.required', { label: labels[name] }) });
  const onSubmit = async (v: HandoverValues) => {
    setProblem(null);
    try {
      const saved = await facilityCalls.handover(item.id, { handoverNumber: v.handoverNumber, handedOverOn: v.handedOverOn, receivedBy: v.receivedBy }, v.file);
      queryClient.setQueryData(facilityKeys.one(item.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['facilities', 'list'] });
      notify(t('facilities.handover.done', { item: saved.itemName }));
    } catch (err) {
      const rest = applyProblemToForm(form, err, { label: (name) => labels[name] });
      setProblem(toProblem(err).code === 'validation_failed' && rest.length === 0 ? null : err);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate aria-labelledby="handover-form-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <Stack gap="sm">
          <div>
            <Text fw={600} id="handover-form-title">
              {t('facilities.handover.formTitle')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('facilities.handover.formIntro')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={labels.handoverNumber} withAsterisk maxLength={100} {...form.register('handoverNumber', required('handoverNumber'))} error={form.formState.errors.handoverNumber?.message} />
            <TextInput type="date" label={labels.handedOverOn} withAsterisk {...form.register('handedOverOn', required('handedOverOn'))} error={form.formState.errors.handedOverOn?.message} />
            <TextInput label={labels.receivedBy} withAsterisk description={t('facilities.handover.receivedByHint')} maxLength={200} {...form.register('receivedBy', required('receivedBy'))} error={form.formState.errors.receivedBy?.message} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="file"
            rules={{ validate: (f) => !!f || t('facilities.form.required', { label: labels.file }) }}
            render={({ field, fieldState }) => (
              <FileInput
                label={labels.file}
                withAsterisk
                description={t('facilities.handover.scanHint')}
                placeholder={t('facilities.handover.scanPlaceholder')}
                accept="application/pdf,image/jpeg,image/png"
                leftSection={<IconFileUpload size={16} aria-hidden="true" />}
                clearable
                clearButtonProps={{ 'aria-label': t('facilities.form.clearFile') }}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          {problem !== null && <ProblemAlert error={problem} />}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('facilities.handover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface CheckValues {
  condition: FacilityCondition | '';
  checkedOn: string;
  note: string;
  file: File | null;
}

/** The school records what it found when it checked the item, with a photo if it has one. */
function CheckForm({ item }: { item: FacilityDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<CheckValues>({ defaultValues: { condition: '', checkedOn: today(), note: '', file: null } });
  const labels: Record<string, string> = {
    condition: t('facilities.fields.condition'),
    checkedOn: t('facilities.fields.checkedOn'),
    note: t('facilities.fields.checkNote'),
    file: t('facilities.fields.photo'),
  };
  const onSubmit = async (v: CheckValues) => {
    setProblem(null);
    try {
      const saved = await facilityCalls.check(item.id, { condition: v.condition as FacilityCondition, checkedOn: v.checkedOn, ...(v.note.trim() ? { note: v.note } : {}) }, v.file);
      queryClient.setQueryData(facilityKeys.one(item.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['facilities', 'list'] });
      form.reset({ condition: '', checkedOn: today(), note: '', file: null });
      notify(t('facilities.checks.done', { item: saved.itemName }));
    } catch (err) {
      const rest = applyProblemToForm(form, err, { label: (name) => labels[name] });
      setProblem(toProblem(err).code === 'validation_failed' && rest.length === 0 ? null : err);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate aria-labelledby="check-form-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <Stack gap="sm">
          <Text fw={600} id="check-form-title">
            {t('facilities.checks.formTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={labels.condition}
              withAsterisk
              data={[{ value: '', label: t('facilities.checks.chooseCondition') }, ...FACILITY_CONDITIONS.map((c) => ({ value: c, label: t(`facilities.condition.${c}`) }))]}
              {...form.register('condition', { required: t('facilities.form.required', { label: labels.condition }) })}
              error={form.formState.errors.condition?.message}
            />
            <TextInput type="date" label={labels.checkedOn} withAsterisk {...form.register('checkedOn', { required: t('facilities.form.required', { label: labels.checkedOn }) })} error={form.formState.errors.checkedOn?.message} />
          </SimpleGrid>
          <Textarea label={labels.note} autosize minRows={2} maxLength={2000} {...form.register('note')} error={form.formState.errors.note?.message} />
          <Controller
            control={form.control}
            name="file"
            render={({ field, fieldState }) => (
              <FileInput
                label={labels.file}
                description={t('facilities.checks.photoHint')}
                placeholder={t('facilities.checks.photoPlaceholder')}
                accept="image/jpeg,image/png,application/pdf"
                capture="environment"
                leftSection={<IconCamera size={16} aria-hidden="true" />}
                clearable
                clearButtonProps={{ 'aria-label': t('facilities.form.clearFile') }}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          {problem !== null && <ProblemAlert error={problem} />}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('facilities.checks.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

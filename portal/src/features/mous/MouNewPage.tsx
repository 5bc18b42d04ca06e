import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { NotFound, ProblemAlert } from '../../ui/problems';
import { useCreateMou, usePartnershipOf, usePartnershipOptions } from './api';
import { mouBody, MouFields, useMouLabels, type MouValues } from './MouForm';

/** /mous/new?partnershipId=…: the CSR officer drafts an MoU with its parties, roles and obligations. */
export function MouNewPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canDraft = session.me?.user.role === 'csr_officer' && session.hasPermission('mous:manage');
  const options = usePartnershipOptions(canDraft);
  const form = useForm<MouValues>({
    defaultValues: { partnershipId: params.get('partnershipId') ?? '', number: '', title: '', scope: '', effectiveDate: '', expiryDate: '', parties: [], obligations: [] },
  });
  const partnershipId = form.watch('partnershipId');
  const partnership = usePartnershipOf(partnershipId || null);
  const create = useCreateMou();
  const label = useMouLabels();
  const [error, setError] = useState<unknown>(null);
  const [rest, setRest] = useState<FieldProblem[]>([]);

  // The partnership's company and school are the first and second party.
  useEffect(() => {
    const p = partnership.data;
    if (!p) return;
    const others = form.getValues('parties').filter((x) => x.role === 'witness' || x.role === 'supporting');
    form.reset({ ...form.getValues(), parties: [
      { organizationId: p.company.id, role: 'first_party', signatureRequired: true },
      { organizationId: p.school.id, role: 'second_party', signatureRequired: true },
      ...others,
    ] });
  }, [partnership.data?.id]);

  if (!canDraft) return <NotFound />;
  const open = (options.data?.items ?? []).filter((p) => p.status !== 'ended');
  const known = partnership.data ? [partnership.data.company, partnership.data.school] : [];

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setRest([]);
    try {
      const m = await create.mutateAsync(mouBody(values));
      notify(t('mous.new.saved'));
      void navigate(`/mous/${m.id}`);
    } catch (err) {
      const left = applyProblemToForm(form, err, { label });
      setRest(left);
      if (toProblem(err).fields.length === 0 || left.length > 0) setError(err);
    }
  });

  return (
    <Stack gap="lg">
      <BackLink to="/mous">{t('mous.backToList')}</BackLink>
      <div>
        <Title order={1}>{t('mous.new.title')}</Title>
        <Text c="gray.7">{t('mous.new.intro')}</Text>
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <MouFields
            form={form}
            known={known}
            partnershipField={
              <NativeSelect
                label={label('partnershipId')}
                withAsterisk
                value={partnershipId}
                onChange={(e) => form.setValue('partnershipId', e.currentTarget.value)}
                error={form.formState.errors.partnershipId?.message}
                data={[
                  { value: '', label: t('mous.form.choose') },
                  ...open.map((p) => ({ value: p.id, label: `${p.school.name} · ${p.program.name}` })),
                  ...(partnershipId && partnership.data && !open.some((p) => p.id === partnershipId)
                    ? [{ value: partnershipId, label: `${partnership.data.school.name} · ${partnership.data.program.name}` }]
                    : []),
                ]}
              />
            }
          />
          <ProblemAlert error={error} extra={rest} labelOf={(f) => f} />
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('mous.new.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

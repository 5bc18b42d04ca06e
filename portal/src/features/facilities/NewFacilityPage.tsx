import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatRupiah } from '../../ui/format';
import { MoneyInput } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { FACILITY_CATEGORIES, facilityCalls, facilityKeys, usePartnerships, useProgramYears, type FacilityCategory } from './api';

interface ItemValues {
  partnershipId: string;
  programYearId: string;
  category: FacilityCategory | '';
  itemName: string;
  quantity: string;
  unit: string;
  value: string;
  supplier: string;
  deliveredOn: string;
  note: string;
}

/** /facilities/new: the CSR officer records an item the company gives a partner school in a program year. */
export function NewFacilityPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<ItemValues>({
    defaultValues: { partnershipId: params.get('partnershipId') ?? '', programYearId: '', category: '', itemName: '', quantity: '1', unit: '', value: '', supplier: '', deliveredOn: '', note: '' },
  });
  const partnershipId = form.watch('partnershipId');
  const programYearId = form.watch('programYearId');
  const partnerships = usePartnerships();
  const all = partnerships.data?.pages.flatMap((p) => p.items) ?? [];
  const partnership = all.find((p) => p.id === partnershipId) ?? null;
  const years = useProgramYears(partnership?.program.id ?? null);

  // The year list belongs to the partnership's program: a year of another program is dropped.
  const yearIds = years.data?.items.map((y) => y.id);
  useEffect(() => {
    if (yearIds && programYearId && !yearIds.includes(programYearId)) form.setValue('programYearId', '');
  }, [yearIds?.join(',')]);

  const labels: Record<string, string> = {
    partnershipId: t('facilities.fields.partnership'),
    programYearId: t('facilities.fields.programYear'),
    category: t('facilities.fields.category'),
    itemName: t('facilities.fields.itemName'),
    quantity: t('facilities.fields.quantity'),
    unit: t('facilities.fields.unit'),
    value: t('facilities.fields.valueInput'),
    supplier: t('facilities.fields.supplier'),
    deliveredOn: t('facilities.fields.deliveredOn'),
    note: t('facilities.fields.note'),
  };
  const required = (name: keyof ItemValues) => ({ required: t('facilities.form.required', { label: labels[name] }) });

  const onSubmit = async (v: ItemValues) => {
    setProblem(null);
    try {
      const created = await facilityCalls.create({
        partnershipId: v.partnershipId,
        programYearId: v.programYearId,
        category: v.category as FacilityCategory,
        itemName: v.itemName,
        quantity: Number(v.quantity),
        unit: v.unit,
        value: v.value,
        ...(v.supplier.trim() ? { supplier: v.supplier } : {}),
        ...(v.deliveredOn ? { deliveredOn: v.deliveredOn } : {}),
        ...(v.note.trim() ? { note: v.note } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: facilityKeys.all });
      notify(t('facilities.add.done', { item: created.itemName, school: created.schoolName, value: formatRupiah(created.value, lang) }));
      navigate(`/facilities/${created.id}`);
    } catch (err) {
      const rest = applyProblemToForm(form, err, { label: (name) => labels[name] });
      setProblem(toProblem(err).code === 'validation_failed' && rest.length === 0 ? null : err);
    }
  };

  if (partnerships.isPending || partnerships.isError) return <PageState loading={partnerships.isPending} error={partnerships.error} />;
  const yearOptions = (years.data?.items ?? [])
    .slice()
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ value: y.id, label: `${y.year} · ${y.theme}` }));

  return (
    <Stack gap="lg" maw={860}>
      <BackLink to={partnershipId ? `/facilities?partnershipId=${partnershipId}` : '/facilities'}>{t('facilities.add.back')}</BackLink>
      <div>
        <Title order={1} id="add-title">
          {t('facilities.add.title')}
        </Title>
        <Text c="gray.7">{t('facilities.add.intro')}</Text>
      </div>
      <form noValidate aria-labelledby="add-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={labels.partnershipId}
              withAsterisk
              data={[{ value: '', label: t('facilities.add.choosePartnership') }, ...all.map((p) => ({ value: p.id, label: `${p.school.name} · ${p.program.name}` }))]}
              {...form.register('partnershipId', required('partnershipId'))}
              error={form.formState.errors.partnershipId?.message}
            />
            <NativeSelect
              label={labels.programYearId}
              withAsterisk
              disabled={!partnership}
              description={!partnership ? t('facilities.add.yearAfterPartnership') : t('facilities.add.yearHint')}
              data={[{ value: '', label: t('facilities.add.chooseYear') }, ...yearOptions]}
              {...form.register('programYearId', required('programYearId'))}
              error={form.formState.errors.programYearId?.message}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={labels.category}
              withAsterisk
              data={[{ value: '', label: t('facilities.add.chooseCategory') }, ...FACILITY_CATEGORIES.map((c) => ({ value: c, label: t(`facilities.category.${c}`) }))]}
              {...form.register('category', required('category'))}
              error={form.formState.errors.category?.message}
            />
            <TextInput label={labels.itemName} withAsterisk maxLength={200} {...form.register('itemName', required('itemName'))} error={form.formState.errors.itemName?.message} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={labels.quantity}
              withAsterisk
              inputMode="numeric"
              {...form.register('quantity', { ...required('quantity'), validate: (v) => /^[1-9]\d*$/.test(v) || t('facilities.form.quantityInvalid') })}
              error={form.formState.errors.quantity?.message}
            />
            <TextInput label={labels.unit} withAsterisk description={t('facilities.add.unitHint')} maxLength={40} {...form.register('unit', required('unit'))} error={form.formState.errors.unit?.message} />
            <Controller
              control={form.control}
              name="value"
              rules={{ validate: (v) => /^\d+$/.test(v) || t('facilities.form.valueInvalid') }}
              render={({ field, fieldState }) => (
                <MoneyInput
                  ref={field.ref}
                  name={field.name}
                  label={labels.value}
                  withAsterisk
                  description={t('facilities.add.valueHint')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={labels.supplier} maxLength={200} {...form.register('supplier')} error={form.formState.errors.supplier?.message} />
            <TextInput type="date" label={labels.deliveredOn} description={t('facilities.add.deliveredHint')} {...form.register('deliveredOn')} error={form.formState.errors.deliveredOn?.message} />
          </SimpleGrid>
          <Textarea label={labels.note} autosize minRows={2} maxLength={2000} {...form.register('note')} error={form.formState.errors.note?.message} />
          {problem !== null && <ProblemAlert error={problem} />}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('facilities.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

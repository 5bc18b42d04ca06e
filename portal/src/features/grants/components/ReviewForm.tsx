import { Alert, Anchor, Button, Card, Group, Image, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toProblem } from '../../../api/problem';
import { useI18n } from '../../../i18n';
import { formatRupiah, sumRupiah } from '../../../ui/format';
import { DateText, Money } from '../../../ui/money';
import { notify } from '../../../ui/notify';
import { ProblemAlert } from '../../../ui/problems';
import { grantCalls, grantKeys, type Receipt, type ReportDetail } from '../api';
import { READABLE_ERRORS } from '../grant-form';

interface ReviewValues {
  lines: Array<{ lineId: string; review: '' | 'accepted' | 'rejected'; note: string }>;
  reason: string;
}

/**
 * The CSR officer reviews a submitted report line by line, with each line's receipts shown inline,
 * then accepts the report (the accepted lines count as spent) or returns it to the school with a reason.
 */
export function ReviewForm({ grantId, report: r }: { grantId: string; report: ReportDetail }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [deciding, setDeciding] = useState<'accept' | 'return' | null>(null);
  const form = useForm<ReviewValues>({ defaultValues: { lines: r.lines.map((l) => ({ lineId: l.id, review: '', note: '' })), reason: '' } });
  const values = form.watch();
  const accepted = sumRupiah(r.lines.filter((_, i) => values.lines[i]?.review === 'accepted').map((l) => l.amount));

  const decide = (decision: 'accept' | 'return') =>
    form.handleSubmit(async (v) => {
      if (decision === 'return' && !v.reason.trim()) {
        form.setError('reason', { message: t('grants.review.reasonRequired') }, { shouldFocus: true });
        return;
      }
      setProblem(null);
      setDeciding(decision);
      try {
        const after = await grantCalls.review(grantId, r.id, {
          decision,
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
          lines: v.lines.map((l) => ({ lineId: l.lineId, review: l.review as 'accepted' | 'rejected', ...(l.note.trim() ? { note: l.note.trim() } : {}) })),
        });
        queryClient.setQueryData(grantKeys.report(grantId, r.id), after);
        await queryClient.invalidateQueries({ queryKey: grantKeys.one(grantId) });
        notify(t(decision === 'accept' ? 'grants.review.accepted' : 'grants.review.returned', { amount: formatRupiah(after.acceptedAmount, lang) }));
      } catch (err) {
        const p = toProblem(err);
        for (const f of p.fields) {
          const m = /^lines\[(\d+)\]/.exec(f.field);
          if (m) form.setError(`lines.${Number(m[1])}.review`, { message: f.message });
          if (f.field === 'reason') form.setError('reason', { message: f.message });
        }
        setProblem(err);
      } finally {
        setDeciding(null);
      }
    });

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="review-title" style={READABLE_ERRORS}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="review-title">
            {t('grants.review.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('grants.review.intro')}
          </Text>
        </div>
        {r.lines.map((l, i) => (
          <Card key={l.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`review-line-${l.id}`}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={`review-line-${l.id}`}>
                {t('grants.editor.line', { n: i + 1 })}: {l.description}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <Field label={t('grants.editor.budgetLineId')}>{l.budgetLineItem ?? '–'}</Field>
                <Field label={t('grants.editor.spentOn')}>
                  <DateText value={l.spentOn} />
                </Field>
                <Field label={t('grants.editor.amount')}>
                  <Money value={l.amount} />
                </Field>
              </SimpleGrid>
              <Text size="sm" fw={500}>
                {t('grants.editor.receipts')}
              </Text>
              {l.receipts.length === 0 ? (
                <Text size="sm">{t('grants.view.noReceipts')}</Text>
              ) : (
                <Group gap="sm" align="flex-start" wrap="wrap">
                  {l.receipts.map((rc) => (
                    <ReceiptPreview key={rc.id} receipt={rc} path={{ id: grantId, reportId: r.id, lineId: l.id, documentId: rc.id }} />
                  ))}
                </Group>
              )}
              <Controller
                control={form.control}
                name={`lines.${i}.review`}
                rules={{ validate: (v) => v !== '' || t('grants.review.choose', { n: i + 1 }) }}
                render={({ field, fieldState }) => (
                  <Radio.Group label={t('grants.review.decisionFor', { n: i + 1 })} withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
                    <Group gap="lg" mt={6}>
                      <Radio value="accepted" label={t('grants.review.accept')} />
                      <Radio value="rejected" label={t('grants.review.reject')} />
                    </Group>
                  </Radio.Group>
                )}
              />
              <Textarea
                label={t('grants.review.note', { n: i + 1 })}
                description={values.lines[i]?.review === 'rejected' ? t('grants.review.noteHint') : undefined}
                autosize
                minRows={1}
                {...form.register(`lines.${i}.note`)}
              />
            </Stack>
          </Card>
        ))}
        <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-label={t('grants.review.summary')}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{t('grants.review.acceptedSoFar')}</Text>
            <Text fw={700} size="lg" aria-live="polite">
              <Money value={accepted} /> / <Money value={r.totalAmount} />
            </Text>
          </Group>
        </Paper>
        <Textarea label={t('grants.review.reason')} description={t('grants.review.reasonHint')} autosize minRows={2} {...form.register('reason')} error={form.formState.errors.reason?.message} />
        {problem !== null && <ProblemAlert error={problem} />}
        {problem === null && form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0 && (
          <Alert role="alert" color="red" title={t('common.problem.fieldsTitle')}>
            {t('grants.review.fix')}
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          <Button onClick={() => void decide('accept')()} loading={deciding === 'accept'} disabled={deciding !== null}>
            {t('grants.review.acceptReport')}
          </Button>
          <Button variant="default" color="orange" onClick={() => void decide('return')()} loading={deciding === 'return'} disabled={deciding !== null}>
            {t('grants.review.returnReport')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A receipt shown where it is reviewed: a photo inline, a PDF as a link that opens it. */
function ReceiptPreview({ receipt, path }: { receipt: Receipt; path: { id: string; reportId: string; lineId: string; documentId: string } }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    grantCalls
      .receipt(path)
      .then((blob) => {
        made = URL.createObjectURL(blob);
        if (live) setUrl(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path.documentId]);
  const image = receipt.contentType.startsWith('image/');
  if (failed) return <Text size="sm" c="red.8">{t('grants.review.receiptFailed', { name: receipt.filename })}</Text>;
  if (!url) return <Text size="sm" c="gray.7">{t('common.loading')}</Text>;
  return image ? (
    <Anchor href={url} target="_blank" rel="noopener" aria-label={t('grants.review.openReceipt', { name: receipt.filename })}>
      <Image src={url} alt={t('grants.review.receiptAlt', { name: receipt.filename })} w={180} mah={240} fit="contain" radius="sm" style={{ border: '1px solid var(--mantine-color-gray-4)' }} />
    </Anchor>
  ) : (
    <Anchor href={url} target="_blank" rel="noopener" download={receipt.filename}>
      <Group gap={4} component="span">
        <IconFileTypePdf size={18} aria-hidden="true" />
        {t('grants.review.openPdf', { name: receipt.filename })}
      </Group>
    </Anchor>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

import { Box, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { DateText, Money } from '../../ui/money';
import type { PlanComment } from './plan-api';
import { CommentsProvider, FieldCommentButton, FieldThread, PlanDiscussion, Row, useInRow } from './PlanComments';
import { fieldId, monthName, PARTICIPANT_ROLES, type PlanDetail } from './plan-form';
import { TotalsRows } from './PlanParts';

/** One value of the plan with the comments about it. */
function Field({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  const { t } = useI18n();
  const inRow = useInRow();
  const empty = children === null || children === undefined || children === '';
  return (
    <Box id={fieldId(name)} tabIndex={-1}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={empty ? 'dimmed' : undefined}>
        {empty ? t('plans.view.empty') : children}
      </Text>
      <FieldCommentButton anchor={name} />
      {!inRow && <FieldThread anchor={name} />}
    </Box>
  );
}

function ListOf({ items }: { items: string[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <>{t('plans.view.empty')}</>;
  return (
    <List size="sm" spacing={2} component="ul">
      {items.map((x, i) => (
        <List.Item key={i}>{x}</List.Item>
      ))}
    </List>
  );
}

function Months({ start, end }: { start: number | null; end: number | null }) {
  const { lang } = useI18n();
  if (start === null && end === null) return null;
  const m = (n: number | null) => (n === null ? '?' : monthName(n, lang));
  return <>{start === end ? m(start) : `${m(start)} – ${m(end)}`}</>;
}

/** The plan as submitted or approved: every field readable, with the comments on each. */
export function PlanView({ plan, comments, canComment, canCommentFields = false }: { plan: PlanDetail; comments: PlanComment[]; canComment: boolean; canCommentFields?: boolean }) {
  const { t } = useI18n();
  const c = plan.content;
  const w = c.workshop;
  const jumpTo = useCallback((anchor: string) => {
    const el = document.getElementById(fieldId(anchor));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, []);
  const participants = PARTICIPANT_ROLES.filter((r) => w.participants[r] !== null)
    .map((r) => `${t(`plans.participant.${r}`)}: ${w.participants[r]}`)
    .join(' · ');

  return (
    <CommentsProvider planId={plan.id} comments={comments} content={c} canComment={canComment} canCommentFields={canCommentFields} jumpTo={jumpTo}>
      <Stack gap="md">
        <Card withBorder component="section" aria-labelledby="plan-analysis">
          <Title order={2} size="h3" id="plan-analysis" mb="sm">
            {t('plans.section.workshop')}
          </Title>
          <Stack gap="sm">
            <Field name="title" label={t('plans.field.title')}>
              {plan.title}
            </Field>
            <Row cols={{ base: 1, sm: 2 }} anchors={['content.workshop.date', 'content.workshop.facilitatorName']}>
              <Field name="content.workshop.date" label={t('plans.field.workshop.date')}>
                {w.date ? <DateText value={w.date} /> : null}
              </Field>
              <Field name="content.workshop.facilitatorName" label={t('plans.field.workshop.facilitatorName')}>
                {w.facilitatorName}
              </Field>
            </Row>
            <Box>
              <Field name="content.workshop.participants" label={t('plans.field.participants')}>
                {participants}
              </Field>
              {PARTICIPANT_ROLES.map((r) => (
                <FieldThread key={r} anchor={`content.workshop.participants.${r}`} />
              ))}
            </Box>
            <Field name="content.workshop.reflectionNotes" label={t('plans.field.workshop.reflectionNotes')}>
              {w.reflectionNotes}
            </Field>
            <Row cols={{ base: 1, sm: 2 }} anchors={['content.workshop.needs', 'content.workshop.opportunities']}>
              <Field name="content.workshop.needs" label={t('plans.field.workshop.needs')}>
                <ListOf items={w.needs} />
              </Field>
              <Field name="content.workshop.opportunities" label={t('plans.field.workshop.opportunities')}>
                <ListOf items={w.opportunities} />
              </Field>
            </Row>
          </Stack>
        </Card>

        {c.programs.length === 0 && (
          <Card withBorder>
            <Text c="dimmed">{t('plans.view.noPrograms')}</Text>
            <FieldThread anchor="content.programs" />
          </Card>
        )}
        {c.programs.map((p, i) => {
          const at = `content.programs.${i}`;
          const totals = plan.totals.programs[i];
          return (
            <Card key={p.id} withBorder component="section" aria-labelledby={`plan-program-${i}`}>
              <Title order={2} size="h3" id={`plan-program-${i}`} mb="sm">
                {p.name ? t('plans.item.programNamed', { n: i + 1, name: p.name }) : t('plans.item.program', { n: i + 1 })}
              </Title>
              <Stack gap="sm">
                <Row cols={{ base: 1, sm: 2 }} anchors={[`${at}.topic`, `${at}.targetGroup`]}>
                  <Field name={`${at}.topic`} label={t('plans.field.program.topic')}>
                    {t(`common.topic.${p.topic}`)}
                  </Field>
                  <Field name={`${at}.targetGroup`} label={t('plans.field.program.targetGroup')}>
                    {p.targetGroup}
                  </Field>
                </Row>
                <Field name={`${at}.name`} label={t('plans.field.program.name')}>
                  {p.name}
                </Field>
                <Field name={`${at}.goal`} label={t('plans.field.program.goal')}>
                  {p.goal}
                </Field>
                <Field name={`${at}.background`} label={t('plans.field.program.background')}>
                  {p.background}
                </Field>

                <Section title={t('plans.list.activities')} anchor={`${at}.activities`} empty={p.activities.length === 0}>
                  {p.activities.map((a, j) => (
                    <Item key={a.id} title={t('plans.item.activity', { n: j + 1 })}>
                      <Field name={`${at}.activities.${j}.name`} label={t('plans.field.activity.name')}>
                        {a.name}
                      </Field>
                      <Row cols={{ base: 1, sm: 2 }} anchors={[`${at}.activities.${j}.startMonth`, `${at}.activities.${j}.personResponsible`, `${at}.activities.${j}.endMonth`]}>
                        <Field name={`${at}.activities.${j}.startMonth`} label={t('plans.view.months')}>
                          <Months start={a.startMonth} end={a.endMonth} />
                        </Field>
                        <Field name={`${at}.activities.${j}.personResponsible`} label={t('plans.field.activity.personResponsible')}>
                          {a.personResponsible}
                        </Field>
                      </Row>
                      <Field name={`${at}.activities.${j}.expectedOutput`} label={t('plans.field.activity.expectedOutput')}>
                        {a.expectedOutput}
                      </Field>
                    </Item>
                  ))}
                </Section>

                <Section title={t('plans.list.indicators')} anchor={`${at}.indicators`} empty={p.indicators.length === 0}>
                  {p.indicators.map((d, j) => (
                    <Item key={d.id} title={t('plans.item.indicator', { n: j + 1 })}>
                      <Field name={`${at}.indicators.${j}.name`} label={t('plans.field.indicator.name')}>
                        {d.name}
                      </Field>
                      <Row cols={{ base: 3 }} anchors={[`${at}.indicators.${j}.baseline`, `${at}.indicators.${j}.target`, `${at}.indicators.${j}.unit`]}>
                        <Field name={`${at}.indicators.${j}.baseline`} label={t('plans.field.indicator.baseline')}>
                          {d.baseline === null ? null : formatNumber(d.baseline)}
                        </Field>
                        <Field name={`${at}.indicators.${j}.target`} label={t('plans.field.indicator.target')}>
                          {d.target === null ? null : formatNumber(d.target)}
                        </Field>
                        <Field name={`${at}.indicators.${j}.unit`} label={t('plans.field.indicator.unit')}>
                          {d.unit}
                        </Field>
                      </Row>
                    </Item>
                  ))}
                </Section>

                <Section title={t('plans.list.budgetLines')} anchor={`${at}.budgetLines`} empty={p.budgetLines.length === 0}>
                  {p.budgetLines.map((b, j) => (
                    <Item key={b.id} title={t('plans.item.budgetLine', { n: j + 1 })}>
                      <Field name={`${at}.budgetLines.${j}.item`} label={t('plans.field.budgetLine.item')}>
                        {b.item}
                      </Field>
                      <Row cols={{ base: 2, sm: 4 }} anchors={[`${at}.budgetLines.${j}.quantity`, `${at}.budgetLines.${j}.unit`, `${at}.budgetLines.${j}.unitCost`, `${at}.budgetLines.${j}.fundingSource`]}>
                        <Field name={`${at}.budgetLines.${j}.quantity`} label={t('plans.field.budgetLine.quantity')}>
                          {`${formatNumber(b.quantity)}${b.unit ? ` ${b.unit}` : ''}`}
                        </Field>
                        <Field name={`${at}.budgetLines.${j}.unitCost`} label={t('plans.field.budgetLine.unitCost')}>
                          <Money value={b.unitCost} />
                        </Field>
                        <Field name={`${at}.budgetLines.${j}.fundingSource`} label={t('plans.field.budgetLine.fundingSource')}>
                          {t(`plans.source.${b.fundingSource}`)}
                        </Field>
                        <Box>
                          <Text size="xs" c="dimmed" fw={500}>
                            {t('plans.field.budgetLine.total')}
                          </Text>
                          <Text size="sm" fw={600}>
                            <Money value={b.total} />
                          </Text>
                        </Box>
                      </Row>
                    </Item>
                  ))}
                  {totals && p.budgetLines.length > 0 && (
                    <Group justify="space-between" px="sm">
                      <Text size="sm" fw={600}>
                        {t('plans.view.programTotal')}
                      </Text>
                      <Text size="sm" fw={700}>
                        <Money value={totals.total} />
                      </Text>
                    </Group>
                  )}
                </Section>

                <Section title={t('plans.list.risks')} anchor={`${at}.risks`} empty={p.risks.length === 0}>
                  {p.risks.map((r, j) => (
                    <Item key={r.id} title={t('plans.item.risk', { n: j + 1 })}>
                      <Field name={`${at}.risks.${j}.risk`} label={t('plans.field.risk.risk')}>
                        {r.risk}
                      </Field>
                      <Field name={`${at}.risks.${j}.mitigation`} label={t('plans.field.risk.mitigation')}>
                        {r.mitigation}
                      </Field>
                    </Item>
                  ))}
                </Section>
              </Stack>
            </Card>
          );
        })}

        <Card withBorder component="section" aria-labelledby="plan-budget">
          <Title order={2} size="h3" id="plan-budget" mb={4}>
            {t('plans.totals.title')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('plans.totals.server')}
          </Text>
          <TotalsRows totals={plan.totals} />
        </Card>

        <Card withBorder component="section" aria-labelledby="plan-documents">
          <Title order={2} size="h3" id="plan-documents" mb="sm">
            {t('plans.section.documents')}
          </Title>
          <Stack gap="sm">
            <Row cols={{ base: 1, sm: 2 }} anchors={['content.planningDocuments.rktReference', 'content.planningDocuments.rkasReference']}>
              <Field name="content.planningDocuments.rktReference" label={t('plans.field.documents.rktReference')}>
                {c.planningDocuments.rktReference}
              </Field>
              <Field name="content.planningDocuments.rkasReference" label={t('plans.field.documents.rkasReference')}>
                {c.planningDocuments.rkasReference}
              </Field>
            </Row>
            <Section title={t('plans.field.documentLines')} anchor="content.planningDocuments.lines" empty={c.planningDocuments.lines.length === 0}>
              {c.planningDocuments.lines.map((l, j) => (
                <Item key={l.id} title={t('plans.item.documentLine', { n: j + 1 })}>
                  <Row cols={{ base: 1, sm: 3 }} anchors={[`content.planningDocuments.lines.${j}.document`, `content.planningDocuments.lines.${j}.reference`, `content.planningDocuments.lines.${j}.description`]}>
                    <Field name={`content.planningDocuments.lines.${j}.document`} label={t('plans.field.documentLine.document')}>
                      {t(`plans.document.${l.document}`)}
                    </Field>
                    <Field name={`content.planningDocuments.lines.${j}.reference`} label={t('plans.field.documentLine.reference')}>
                      {l.reference}
                    </Field>
                    <Field name={`content.planningDocuments.lines.${j}.description`} label={t('plans.field.documentLine.description')}>
                      {l.description}
                    </Field>
                  </Row>
                </Item>
              ))}
            </Section>
          </Stack>
        </Card>
        <PlanDiscussion />
      </Stack>
    </CommentsProvider>
  );
}

function Section({ title, anchor, empty, children }: { title: string; anchor: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Box id={fieldId(anchor)} tabIndex={-1}>
      <Title order={3} size="h5" mb={6}>
        {title}
      </Title>
      <Stack gap="xs">
        {empty && (
          <Text size="sm" c="dimmed">
            {t('plans.view.empty')}
          </Text>
        )}
        {children}
      </Stack>
      <FieldThread anchor={anchor} />
    </Box>
  );
}

function Item({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" role="group" aria-labelledby={id}>
      <Text fw={600} size="sm" mb={4} id={id}>
        {title}
      </Text>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

import { List, PasswordInput, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconInfoCircle } from '@tabler/icons-react';
import type { UseFormReturn } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { PASSWORD_ADVICE, passwordRules } from './password-rules';

export interface NewPasswordValues {
  password: string;
  confirm: string;
}

/** The two fields of a new password, with the rules shown as the person types; the API still decides. */
export function NewPasswordFields<T extends NewPasswordValues>({ form, labels }: { form: UseFormReturn<T>; labels: { password: string; confirm: string } }) {
  const { t } = useI18n();
  // The form's own type has at least these two fields.
  const f = form as unknown as UseFormReturn<NewPasswordValues>;
  const rules = passwordRules(f.watch('password'));
  const { errors } = f.formState;
  return (
    <>
      <PasswordInput
        visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        label={labels.password}
        autoComplete="new-password"
        required
        aria-describedby="password-rules"
        error={errors.password?.message}
        {...f.register('password', { validate: (v) => passwordRules(v).every((r) => r.ok) || t('auth.invitation.rulesNotMet') })}
      />
      <List id="password-rules" spacing={4} size="sm" center aria-label={t('auth.invitation.rulesTitle')}>
        {rules.map((r) => (
          <List.Item
            key={r.key}
            icon={
              <ThemeIcon color={r.ok ? 'teal' : 'gray'} size={20} radius="xl" variant={r.ok ? 'filled' : 'light'}>
                {r.ok ? <IconCheck size={14} aria-hidden="true" /> : <IconCircleDashed size={14} aria-hidden="true" />}
              </ThemeIcon>
            }
          >
            {t(`auth.rules.${r.key}`, r.params)}
            <VisuallyHidden>{r.ok ? ` (${t('auth.rules.met')})` : ` (${t('auth.rules.notMet')})`}</VisuallyHidden>
          </List.Item>
        ))}
        {PASSWORD_ADVICE.map((a) => (
          <List.Item
            key={a.key}
            icon={
              <ThemeIcon color="blue" size={20} radius="xl" variant="light">
                <IconInfoCircle size={14} aria-hidden="true" />
              </ThemeIcon>
            }
          >
            {t(`auth.rules.${a.key}`, a.params)}
          </List.Item>
        ))}
      </List>
      <PasswordInput
        visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        label={labels.confirm}
        autoComplete="new-password"
        required
        error={errors.confirm?.message}
        {...f.register('confirm', { validate: (v) => v === f.getValues('password') || t('auth.invitation.mismatch') })}
      />
    </>
  );
}

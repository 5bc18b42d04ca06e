import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { formatDate, formatDateTime, formatRupiah, parseRupiah } from './format';

/** An amount shown as "Rp 1.250.000". */
export function Money({ value }: { value: string | number | null | undefined }) {
  const { lang } = useI18n();
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatRupiah(value ?? null, lang)}</span>;
}

/** A calendar date or a moment, in the reader's language. */
export function DateText({ value, withTime, short }: { value: string | null | undefined; withTime?: boolean; short?: boolean }) {
  const { lang } = useI18n();
  return <span>{withTime ? formatDateTime(value, lang) : formatDate(value, lang, short ? 'short' : 'long')}</span>;
}

type MoneyInputProps = Omit<TextInputProps, 'value' | 'onChange'> & { value: string | null | undefined; onChange(value: string): void };

/** Whole rupiah typed freely ("1.250.000" or "1250000"); the form keeps a string of digits. */
export const MoneyInput = forwardRef<HTMLInputElement, MoneyInputProps>(function MoneyInput({ value, onChange, ...rest }, ref) {
  const { lang } = useI18n();
  const shown = (v: string | null | undefined) => (v ? formatRupiah(v, lang).replace(/^Rp\s/, '') : '');
  const [text, setText] = useState(shown(value));
  useEffect(() => {
    if ((parseRupiah(text) ?? '') !== (value ?? '')) setText(shown(value));
  }, [value]);
  return (
    <TextInput
      ref={ref}
      inputMode="numeric"
      leftSection={<span aria-hidden="true">Rp</span>}
      {...rest}
      value={text}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(parseRupiah(typed) ?? typed.replace(/\D/g, ''));
      }}
      onBlur={(e) => {
        setText(shown(parseRupiah(text)));
        rest.onBlur?.(e);
      }}
    />
  );
});

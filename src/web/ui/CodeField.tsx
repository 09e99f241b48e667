import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The six-digit code sent by e-mail: numeric keypad, one-time-code autofill, always left to right. */
export function CodeField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('fields.code.label')}
      description={t('fields.code.help')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      dir="ltr"
      required
      {...props}
    />
  );
}

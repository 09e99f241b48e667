import { Alert, Anchor, Button, Card, Code, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { PasswordField } from '../../../ui/PasswordField.tsx';
import { safeNext } from '../../../ui/safe-next.ts';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { staffMeKey, useStaffMe } from '../app/use-staff.ts';
import {
  codeStepSchema,
  nextStepOf,
  passwordStepSchema,
  recoveryCodesText,
  recoveryStepSchema,
  type SignInStep,
} from './staff-sign-in.ts';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrCode: string;
}

const codeProblems = { SECOND_FACTOR_CODE_INVALID: 'totpCode', SECOND_FACTOR_CODE_USED: 'totpCode' };

/**
 * Staff sign-in: the password, then the second factor — enrolling an authenticator app the first
 * time (its QR code and secret shown once, then ten recovery codes shown once), a code every time
 * after, or a recovery code when the phone is lost. A half-open session (password given) resumes
 * at its step after a reload.
 */
export function StaffSignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<SignInStep | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const [isCitizen, setCitizen] = useState(false);

  // A session already waiting for its second factor picks up where it was.
  const pending = useQuery({
    queryKey: ['staff', 'second-factor'],
    queryFn: async () => {
      try {
        return nextStepOf(await api<unknown>('/api/v1/auth/second-factor'));
      } catch (error) {
        if (isApiError(error) && error.status < 500) return 'none' as const;
        throw error;
      }
    },
    enabled: step === null,
    staleTime: 0,
  });
  useEffect(() => {
    if (step !== null || !pending.data) return;
    setStep(pending.data === 'enrol' || pending.data === 'verify' ? pending.data : 'password');
  }, [pending.data, step]);

  // Signed in: the shell reads who it is before the screen asked for opens (else it would send the
  // person back here, thinking nobody is signed in).
  const finish = async () => {
    await queryClient.refetchQueries({ queryKey: staffMeKey });
    void navigate(next, { replace: true });
  };
  const me = useStaffMe();
  if (me.data && (step === null || step === 'password')) return <Navigate to={next} replace />;

  return (
    <Stack gap="md" maw={520}>
      {params.get('expired') && step === 'password' && (
        <Alert color="orange" role="status">
          {t('staff.signIn.expired')}
        </Alert>
      )}
      {isCitizen && (
        <Alert color="orange" role="status">
          {t('staff.signIn.citizen')} <Anchor href="/">{t('staff.signIn.toPortal')}</Anchor>
        </Alert>
      )}
      {step === 'password' && (
        <PasswordStep
          onStaff={(nextStep) => setStep(nextStep)}
          onCitizen={() => {
            setCitizen(true);
            void api('/api/v1/auth/sign-out', { method: 'POST' });
          }}
        />
      )}
      {step === 'enrol' && (
        <EnrolStep
          onEnrolled={(codes) => {
            setRecoveryCodes(codes);
            setStep('recovery-codes');
          }}
        />
      )}
      {step === 'verify' && <VerifyStep onVerified={() => void finish()} />}
      {step === 'recovery-codes' && <RecoveryCodesStep codes={recoveryCodes} onDone={() => void finish()} />}
      {step === null && <PageTitle documentTitle={t('staff.signIn.title')}>{t('staff.signIn.title')}</PageTitle>}
    </Stack>
  );
}

function PasswordStep(props: { onStaff(step: 'enrol' | 'verify'): void; onCitizen(): void }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: validateWith(passwordStepSchema, tr) });
  const feedback = useFormFeedback(form, {
    id: 'staff-sign-in',
    fields: ['email', 'password'],
    problemFields: { INVALID_CREDENTIALS: 'password', ACCOUNT_LOCKED: 'password' },
  });
  const signIn = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<unknown>('/api/v1/auth/sign-in', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (answer) => {
      const nextStep = nextStepOf(answer);
      if (nextStep === 'citizen') props.onCitizen();
      else props.onStaff(nextStep);
    },
    onError: feedback.onProblem,
  });
  return (
    <>
      <ErrorSummary {...feedback.summary} />
      <PageTitle documentTitle={t('staff.signIn.title')}>{t('staff.signIn.title')}</PageTitle>
      <Card withBorder padding="lg">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.onSubmit();
            signIn.mutate(values);
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <TextInput
              label={t('fields.email.label')}
              type="email"
              autoComplete="username"
              required
              {...feedback.inputProps('email')}
            />
            <PasswordField
              label={t('fields.password.label')}
              autoComplete="current-password"
              required
              {...feedback.inputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('staff.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </>
  );
}

/** One field: the 6-digit code of the authenticator app. */
function CodeForm(props: { id: string; submitLabel: string; onCode(code: string): Promise<unknown>; isBusy: boolean }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const form = useForm({ initialValues: { totpCode: '' }, validate: validateWith(codeStepSchema, tr) });
  const feedback = useFormFeedback(form, { id: props.id, fields: ['totpCode'], problemFields: codeProblems });
  return (
    <>
      <ErrorSummary {...feedback.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          props.onCode(values.totpCode?.trim() ?? '').catch(feedback.onProblem);
        }, feedback.onInvalid)}
      >
        <Stack gap="sm">
          <TextInput
            label={t('fields.totpCode.label')}
            description={t('fields.totpCode.help')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            {...feedback.inputProps('totpCode')}
          />
          <Button type="submit" loading={props.isBusy} style={{ alignSelf: 'flex-start' }}>
            {props.submitLabel}
          </Button>
        </Stack>
      </form>
    </>
  );
}

function EnrolStep({ onEnrolled }: { onEnrolled(codes: string[]): void }) {
  const { t } = useTranslation();
  const enrolment = useMutation({
    mutationFn: () => api<Enrolment>('/api/v1/auth/second-factor/enrolment', { method: 'POST' }),
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('/api/v1/auth/second-factor/enrolment/confirm', {
        method: 'POST',
        body: { code },
      }),
    onSuccess: (answer) => onEnrolled(answer.recoveryCodes),
  });
  // The secret is asked for once per visit of this step, never cached.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one enrolment per step
  useEffect(() => {
    enrolment.mutate();
  }, []);
  return (
    <>
      <PageTitle documentTitle={t('staff.signIn.enrolTitle')}>{t('staff.signIn.enrolTitle')}</PageTitle>
      <Text>{t('staff.signIn.enrolIntro')}</Text>
      {enrolment.data && (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Image src={enrolment.data.qrCode} alt={t('staff.signIn.qrAlt')} w={220} h={220} />
            <Text size="sm">{t('staff.signIn.secretLabel')}</Text>
            <Code data-testid="totp-secret" fz="md">
              {enrolment.data.secret}
            </Code>
          </Stack>
        </Card>
      )}
      {enrolment.isError && <Alert color="red">{t('errors.UNEXPECTED')}</Alert>}
      <CodeForm
        id="staff-enrol"
        submitLabel={t('staff.signIn.enrolSubmit')}
        onCode={(code) => confirm.mutateAsync(code)}
        isBusy={confirm.isPending}
      />
    </>
  );
}

function VerifyStep({ onVerified }: { onVerified(): void }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const [isRecovery, setRecovery] = useState(false);
  const verify = useMutation({
    mutationFn: (body: { code: string } | { recoveryCode: string }) =>
      api<unknown>('/api/v1/auth/second-factor/verify', { method: 'POST', body }),
    onSuccess: onVerified,
  });
  const recoveryForm = useForm({ initialValues: { recoveryCode: '' }, validate: validateWith(recoveryStepSchema, tr) });
  const recoveryFeedback = useFormFeedback(recoveryForm, {
    id: 'staff-recovery',
    fields: ['recoveryCode'],
    problemFields: { SECOND_FACTOR_CODE_INVALID: 'recoveryCode', SECOND_FACTOR_CODE_USED: 'recoveryCode' },
  });
  return (
    <>
      <PageTitle documentTitle={t('staff.signIn.verifyTitle')}>{t('staff.signIn.verifyTitle')}</PageTitle>
      {isRecovery ? (
        <>
          <ErrorSummary {...recoveryFeedback.summary} />
          <form
            noValidate
            onSubmit={recoveryForm.onSubmit((values) => {
              recoveryFeedback.onSubmit();
              verify.mutateAsync({ recoveryCode: values.recoveryCode?.trim() ?? '' }).catch(recoveryFeedback.onProblem);
            }, recoveryFeedback.onInvalid)}
          >
            <Stack gap="sm">
              <TextInput
                label={t('fields.recoveryCode.label')}
                description={t('fields.recoveryCode.help')}
                autoComplete="off"
                required
                {...recoveryFeedback.inputProps('recoveryCode')}
              />
              <Button type="submit" loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('staff.signIn.verifySubmit')}
              </Button>
            </Stack>
          </form>
        </>
      ) : (
        <CodeForm
          id="staff-verify"
          submitLabel={t('staff.signIn.verifySubmit')}
          onCode={(code) => verify.mutateAsync({ code })}
          isBusy={verify.isPending}
        />
      )}
      <Anchor
        component="button"
        type="button"
        onClick={() => setRecovery((is) => !is)}
        style={{ alignSelf: 'flex-start' }}
      >
        {isRecovery ? t('staff.signIn.useApp') : t('staff.signIn.useRecovery')}
      </Anchor>
    </>
  );
}

function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const download = () => {
    const url = URL.createObjectURL(new Blob([recoveryCodesText(codes)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'mawid-recovery-codes.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <PageTitle documentTitle={t('staff.signIn.codesTitle')}>{t('staff.signIn.codesTitle')}</PageTitle>
      <Text>{t('staff.signIn.codesIntro')}</Text>
      <Card withBorder padding="lg">
        <List data-testid="recovery-codes" spacing={4} ff="monospace">
          {codes.map((code) => (
            <List.Item key={code}>
              <bdi>{code}</bdi>
            </List.Item>
          ))}
        </List>
      </Card>
      <Button variant="light" onClick={download} style={{ alignSelf: 'flex-start' }}>
        {t('staff.signIn.codesDownload')}
      </Button>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        {t('staff.signIn.codesDone')}
      </Button>
    </>
  );
}

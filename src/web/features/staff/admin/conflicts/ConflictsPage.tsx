import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { AdminScreen, type StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, useAdminDepartments, useAdminServices } from '../admin-queries.ts';
import type { BatchResult } from '../admin-types.ts';
import { CancelCheckStep, CancelReasonStep } from './CancelSteps.tsx';
import { useConflicts, useDayLists } from './conflict-queries.ts';
import { stepOf, stepPath } from './conflict-steps.ts';
import { MoveStep } from './MoveStep.tsx';
import { type BatchKind, OutcomeList } from './OutcomeList.tsx';
import { StrandedTable } from './StrandedTable.tsx';
import { keptSelection } from './selection.ts';
import { conflictDates, strandedAppointments } from './stranded.ts';

/**
 * Conflicts: the booked appointments that changed hours, capacity or closures stranded. Tick
 * some and cancel them with a reason (checked before it is sent), or move one to a free time;
 * the answer says what became of each.
 */
export function ConflictsPage() {
  return <AdminScreen>{(consulate) => <Conflicts consulate={consulate} />}</AdminScreen>;
}

function Conflicts({ consulate }: { consulate: StaffConsulate }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const step = stepOf(params);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const conflicts = useConflicts(consulate.id);
  const days = useDayLists(consulate.id, conflictDates(conflicts.data ?? [], consulate.timeZone));
  const departments = useAdminDepartments(consulate.id);
  const services = useAdminServices(consulate.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<{
    kind: BatchKind;
    result: BatchResult;
    references: Map<string, string>;
  } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [isNoneTicked, setNoneTicked] = useState(false);

  // Each step is a page of its own: the focus goes to its start (the shell does it for new paths only).
  const isFirst = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new step
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [step]);

  // Back on the list after an answer: a new batch starts from nothing.
  useEffect(() => {
    if (step !== 'list' || !outcome) return;
    setOutcome(null);
    setSelected(new Set());
    setReason('');
  }, [step, outcome]);

  if (conflicts.isPending || days.isPending) return <Loading />;
  if (conflicts.isError) return <ErrorMessage error={conflicts.error} />;
  const lines = strandedAppointments(conflicts.data, days.appointments);
  const ticked = keptSelection(
    selected,
    lines.map((line) => line.appointmentId),
  );
  const tickedLines = lines.filter((line) => ticked.has(line.appointmentId));
  const references = new Map(
    lines.flatMap((line) => (line.appointment ? [[line.appointmentId, line.appointment.reference] as const] : [])),
  );
  const finished = (kind: BatchKind) => (result: BatchResult) => {
    setOutcome({ kind, result, references });
    void queryClient.invalidateQueries({ queryKey: adminKeys.conflicts(consulate.id) });
    void queryClient.invalidateQueries({ queryKey: [...adminKeys.all(consulate.id), 'day'] });
    void navigate(stepPath('done'), { replace: true });
  };

  // Once a batch is answered, its steps lead only to the answer (the router may still be on the way).
  if (outcome && step !== 'done' && step !== 'list') return <Navigate to={stepPath('done')} replace />;
  if (step === 'reason' || step === 'check') {
    if (tickedLines.length === 0 || (step === 'check' && reason === ''))
      return <Navigate to={stepPath('list')} replace />;
    return step === 'reason' ? (
      <CancelReasonStep
        count={tickedLines.length}
        reason={reason}
        onContinue={(text) => {
          setReason(text);
          void navigate(stepPath('check'));
        }}
      />
    ) : (
      <CancelCheckStep
        consulateId={consulate.id}
        timeZone={consulate.timeZone}
        lines={tickedLines}
        reason={reason}
        onDone={finished('cancel')}
      />
    );
  }
  if (step === 'move') {
    const line = lines.find((l) => l.appointmentId === params.get('appointment'));
    if (!line) return <Navigate to={stepPath('list')} replace />;
    return <MoveStep consulateId={consulate.id} timeZone={consulate.timeZone} line={line} onDone={finished('move')} />;
  }
  if (step === 'done') {
    if (!outcome) return <Navigate to={stepPath('list')} replace />;
    return (
      <Stack gap="md">
        <PageTitle documentTitle={t('staff.admin.conflicts.outcomeTitle')}>
          {t('staff.admin.conflicts.outcomeTitle')}
        </PageTitle>
        <OutcomeList {...outcome} timeZone={consulate.timeZone} />
        <Anchor component={Link} to={stepPath('list')} style={{ alignSelf: 'flex-start' }}>
          {t('staff.admin.conflicts.backToList')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <ErrorSummary
        items={
          isNoneTicked
            ? [{ field: 'conflicts-select-all', message: t('staff.admin.conflicts.errors.noneSelected') }]
            : []
        }
        idOf={(id) => id}
        attempt={attempt}
      />
      <div>
        <PageTitle documentTitle={t('staff.admin.conflicts.title')}>{t('staff.admin.conflicts.title')}</PageTitle>
        <Text>{t('staff.admin.conflicts.intro')}</Text>
      </div>
      <ErrorMessage error={days.error} />
      {lines.length === 0 ? (
        <Text data-testid="no-conflict">{t('staff.admin.conflicts.none')}</Text>
      ) : (
        <section aria-labelledby="stranded-title">
          <Title order={2} size="h3" id="stranded-title" mb="xs">
            {t('staff.admin.conflicts.listTitle', { number: lines.length })}
          </Title>
          <StrandedTable
            lines={lines}
            timeZone={consulate.timeZone}
            departments={departments.data ?? []}
            services={services.data ?? []}
            selected={ticked}
            onSelect={(next) => {
              setSelected(next);
              setNoneTicked(false);
            }}
            labelledBy="stranded-title"
          />
          <Button
            mt="md"
            color="red"
            variant="light"
            onClick={() => {
              if (ticked.size === 0) {
                setNoneTicked(true);
                setAttempt((n) => n + 1);
                return;
              }
              void navigate(stepPath('reason'));
            }}
          >
            {t('staff.admin.conflicts.cancelSelected', { number: ticked.size })}
          </Button>
        </section>
      )}
    </Stack>
  );
}

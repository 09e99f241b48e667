import { UnstyledButton, useDirection } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { CheckIcon } from './icons.tsx';
import { radioIndexAfter } from './radio-keys.ts';

export interface ChipChoice {
  value: string;
  label: ReactNode;
}

/**
 * A row of chips that is one radio group (WAI-ARIA radio pattern): a single tab stop — the chosen
 * chip, or the first — and the arrow keys move and choose, following the reading direction; Home
 * and End go to the ends; Space or Enter chooses the focused chip. The chosen chip is filled and
 * ticked (never colour alone).
 */
export function ChipRadioGroup(props: {
  choices: ChipChoice[];
  value: string | null;
  onChange: (value: string) => void;
  labelledBy: string;
  testId?: string;
}) {
  const { choices, value, onChange } = props;
  const { dir } = useDirection();
  const chips = useRef<(HTMLButtonElement | null)[]>([]);
  const chosenIndex = choices.findIndex((choice) => choice.value === value);
  const tabStop = Math.max(chosenIndex, 0);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = radioIndexAfter(event.key, index, choices.length, dir);
    if (next === undefined) return;
    event.preventDefault();
    const choice = choices[next];
    if (!choice) return;
    onChange(choice.value);
    chips.current[next]?.focus();
  };

  return (
    <div role="radiogroup" aria-labelledby={props.labelledBy} className="chip-radio-group" data-testid={props.testId}>
      {choices.map((choice, index) => {
        const isChosen = index === chosenIndex;
        return (
          <UnstyledButton
            key={choice.value}
            ref={(element: HTMLButtonElement | null) => {
              chips.current[index] = element;
            }}
            role="radio"
            aria-checked={isChosen}
            tabIndex={index === tabStop ? 0 : -1}
            className="chip-radio"
            onClick={() => onChange(choice.value)}
            onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => onKeyDown(event, index)}
          >
            {isChosen && <CheckIcon size={14} />}
            {choice.label}
          </UnstyledButton>
        );
      })}
    </div>
  );
}

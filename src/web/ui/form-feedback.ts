/** After a refused submit, focus goes to the first field said to be wrong (keyboard and screen readers). */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.focus();
}

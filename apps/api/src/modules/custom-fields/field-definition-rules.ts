import type { ProblemFieldError } from '@relaydesk/contracts';

const hasOptions = (kind: string) => kind === 'select' || kind === 'multi_select';

/**
 * The rules a field's settings must keep together, checked on the merged state of a create or
 * update so that a PATCH of one flag cannot break another. `prefix` places the errors when the
 * field is one item of a list (`fields[2].`).
 */
export function fieldRuleErrors(
  f: {
    kind: string;
    clientVisible: boolean;
    clientEditable: boolean;
    options: { value: string }[];
  },
  prefix = '',
): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (f.clientEditable && !f.clientVisible) {
    errors.push({ field: `${prefix}clientEditable`, message: 'requires clientVisible' });
  }
  if (hasOptions(f.kind)) {
    if (f.options.length === 0) {
      errors.push({
        field: `${prefix}options`,
        message: `a ${f.kind} field needs at least one option`,
      });
    } else if (new Set(f.options.map((o) => o.value)).size !== f.options.length) {
      errors.push({ field: `${prefix}options`, message: 'option values must be distinct' });
    }
  } else if (f.options.length > 0) {
    errors.push({
      field: `${prefix}options`,
      message: 'only select and multi_select fields have options',
    });
  }
  return errors;
}

export {
  DateOnlyField,
  LineField,
  RefField,
  TextField,
} from '../../../common/validation/record-fields.js';

/** Limits of the registers' texts: long enough for real notes, short enough to bound a row. */
export const REGISTER_LIMITS = {
  name: 200,
  number: 100,
  notes: 10_000,
  address: 1000,
} as const;

export {
  DateOnlyField,
  LineField,
  RefField,
  TextField,
} from '../../../common/validation/record-fields.js';

/** Limits of the work log's texts. */
export const WORK_TEXT_LIMITS = {
  name: 200,
  unit: 20,
  description: 10_000,
} as const;

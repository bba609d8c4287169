import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, sendProblem } from '../../../common/errors/problem.js';

/** A rating form is two short fields; anything near this size is not one. */
const FORM_LIMIT_BYTES = 32 * 1024;

const parseForm = express.urlencoded({
  extended: false,
  limit: FORM_LIMIT_BYTES,
  parameterLimit: 10,
});

/**
 * Form bodies for the rating page, which posts without JavaScript. Only these routes take forms;
 * the rest of the API is JSON. Parser errors are answered here because they happen before Nest's
 * routing, where the exception filter never sees them.
 */
export function formBodyMiddleware(req: Request, res: Response, next: NextFunction): void {
  parseForm(req, res, (err?: unknown) => {
    if (!err) {
      next();
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      sendProblem(res, problem(413, `The form is larger than ${FORM_LIMIT_BYTES} bytes`));
    } else if (type === 'parameters.too.many') {
      sendProblem(res, problem(400, 'The form has too many fields'));
    } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      sendProblem(res, problem(415, 'Send the form as UTF-8'));
    } else {
      sendProblem(res, problem(400, 'The form could not be read'));
    }
  });
}

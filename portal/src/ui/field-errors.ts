import { ApiProblem, fieldPathToFormName } from '../api/problem';

/**
 * The API names a field by its JSON path in its messages ("studentCount tidak boleh lebih dari
 * 100000"); a person knows it by the label on the form. Returns the same problem with each field's
 * path (its first mention) in its message replaced by the label `labelOf` gives for it (by form name, e.g.
 * `teamMembers.0.name`); fields without a label keep the API's words.
 */
export function withFieldLabels(err: unknown, labelOf: (formName: string) => string | undefined): unknown {
  if (!(err instanceof ApiProblem) || err.fields.length === 0) return err;
  const fields = err.fields.map((f) => {
    const label = labelOf(fieldPathToFormName(f.field));
    if (!label) return f;
    // The first mention is the field itself ("email harus berupa alamat email yang valid").
    const message = f.message.replace(f.field, label);
    return { ...f, message: message.charAt(0).toUpperCase() + message.slice(1) };
  });
  return new ApiProblem(
    { status: err.status, code: err.code, title: err.title, detail: err.detail, requestId: err.requestId, errors: fields },
    err.status,
    err.retryAfter,
  );
}

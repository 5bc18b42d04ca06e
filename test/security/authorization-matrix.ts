// The authorization matrix: for every operation of the API, what each role gets when it names a
// record of its own organisation, of another organisation, and of another organisation outside its
// region. test/security/authorization-matrix.e2e-spec.ts calls every cell and fails on any
// difference, and on any operation of the OpenAPI document that is not listed here.
//
// How to read an entry ("METHOD /path" as in the OpenAPI document):
// - a role that is not listed gets 403; `anonymous`, when not listed, gets 401;
// - a cell is one status for every scope, or "own/other/outside" (or "own/other/outside/body"):
//     own      the records of tenant A, the caller's own organisation (or its partners and jurisdiction);
//     other    the same records copied into tenant B: other organisations in the same regions;
//     outside  the same records copied into tenant C: other organisations outside every region of A;
//     body     the path names tenant A's record, the ids inside the body (or query) tenant C's;
//   an operation whose request names no record has one scope, so its cells are one status;
// - `why` says why a cell is not what the permission table alone would suggest.
//
// Patterns that hold throughout, so they are not repeated in every `why`:
// - another organisation's record is 404, the same answer as a record that does not exist;
// - an education officer's scope is its jurisdiction, not its organisation: tenant B's records are
//   in its regions (200 to read), tenant C's are not (404);
// - an id inside a body that the caller may not use is refused by field (422 naming it), after the
//   record in the path was found (so "body" is 422 where "own" would succeed);
// - where "own" is 409 or 422 the caller was let in and the demo record's state refused the change
//   (a signed MoU, a published competition, a submitted plan): the `why` quotes the rule, and
//   "other"/"outside" still show that another organisation's record is not reached;
// - no answer to a signed-in caller other than an admin holds an id of tenant C (lists included),
//   unless the entry says `directory: true`.
//
// Adding a route: add its entry here (the spec names the missing ones) and, when its path has an id
// of a new kind or its body needs more than the document's examples, a line in
// test/security/support/matrix-requests.ts.

export const MATRIX_ROLES = ['anonymous', 'admin', 'csr_officer', 'principal', 'education_officer', 'facilitator', 'judge'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export const MATRIX_SCOPES = ['own', 'other', 'outside', 'body'] as const;
export type MatrixScope = (typeof MATRIX_SCOPES)[number];

/** One status for every scope, or "own/other/outside[/body]". */
export type Cell = number | string;
/**
 * `directory`: the answer may hold records of every organisation (a directory everyone reads);
 * otherwise no answer to a caller of tenant A may hold an id of tenant C.
 */
export type MatrixEntry = Partial<Record<MatrixRole, Cell>> & { why?: string; directory?: true };

export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/v1/audit-events': { admin: 200 },
  'POST /api/v1/auth/login': { anonymous: 200, admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "public; the body signs in a demo user" },
  'POST /api/v1/auth/refresh': { admin: 401, csr_officer: 401, principal: 401, education_officer: 401, facilitator: 401, judge: 401, why: "public; the body's refresh token was never issued" },
  'POST /api/v1/auth/accept-invitation': { anonymous: 422, admin: 422, csr_officer: 422, principal: 422, education_officer: 422, facilitator: 422, judge: 422, why: "public; the body's invitation was never issued" },
  'POST /api/v1/auth/logout': { admin: 204, csr_officer: 204, principal: 204, education_officer: 204, facilitator: 204, judge: 204, why: "ends the caller's own session" },
  'GET /api/v1/auth/me': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'PATCH /api/v1/auth/me': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'POST /api/v1/auth/password-reset': { anonymous: 202, admin: 202, csr_officer: 202, principal: 202, education_officer: 202, facilitator: 202, judge: 202, why: "public; the same answer whether or not the address belongs to an account" },
  'POST /api/v1/auth/password-reset/confirm': { anonymous: 404, admin: 404, csr_officer: 404, principal: 404, education_officer: 404, facilitator: 404, judge: 404, why: "public; the body's token was never issued" },
  'GET /api/v1/auth/password-reset/{token}': { anonymous: 404, admin: 404, csr_officer: 404, principal: 404, education_officer: 404, facilitator: 404, judge: 404, why: "public; the token was never issued" },
  'POST /api/v1/users/{id}/password-reset': { admin: 202, csr_officer: "202/404/404", principal: "202/404/404", education_officer: "202/404/404", why: "an organisation's manager sends a reset link to users of its own organisation only" },
  'POST /api/v1/organizations': { admin: 201 },
  'GET /api/v1/organizations': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "the directory of organisations is open to every signed-in user", directory: true },
  'GET /api/v1/organizations/{id}': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "the directory of organisations is open to every signed-in user; their contacts and users are not" },
  'PATCH /api/v1/organizations/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/404/404", facilitator: "200/404/404" },
  'GET /api/v1/organizations/{organizationId}/contacts': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/404/404", facilitator: "200/404/404", judge: "200/404/404" },
  'POST /api/v1/organizations/{organizationId}/contacts': { admin: 201, csr_officer: "201/404/404", principal: "201/404/404", education_officer: "201/404/404", facilitator: "201/404/404" },
  'PATCH /api/v1/organizations/{organizationId}/contacts/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/404/404", facilitator: "200/404/404" },
  'DELETE /api/v1/organizations/{organizationId}/contacts/{id}': { admin: 204, csr_officer: "204/404/404", principal: "204/404/404", education_officer: "204/404/404", facilitator: "204/404/404" },
  'POST /api/v1/organizations/import': { admin: 422, education_officer: 422, why: "own: the uploaded file has a header and no valid rows, so nothing is imported (422)" },
  'POST /api/v1/partner-requests': { admin: 422, csr_officer: "201/422/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/partner-requests': { admin: 200, csr_officer: 200, education_officer: 200 },
  'GET /api/v1/partner-requests/{id}': { admin: 200, csr_officer: "200/404/404", education_officer: "200/404/404" },
  'GET /api/v1/partner-requests/{id}/candidates': { admin: 200, education_officer: "200/404/404" },
  'GET /api/v1/partner-requests/{id}/history': { admin: 200, csr_officer: "200/404/404", education_officer: "200/404/404" },
  'POST /api/v1/partner-requests/{id}/recommendations': { admin: 422, education_officer: "201/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/partner-requests/{id}/recommendations/{recommendationId}/accept': { admin: 422, csr_officer: "422/404/404/422", why: "own: this recommended school was already accepted on 2012-03-05 (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/partner-requests/{id}/recommendations/{recommendationId}/decline': { admin: 422, csr_officer: "422/404/404", why: "own: this recommended school was already accepted on 2012-03-05 (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/partner-requests/{id}/withdraw': { admin: 422, csr_officer: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/partner-requests/{id}/close': { admin: 422, csr_officer: "422/404/404", why: "own: cannot close the request: the request is still open: the education office has not recommended any sc (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/programs': { admin: 201, csr_officer: "201/422/422" },
  'GET /api/v1/programs': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/programs/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/programs/{id}': { admin: 200, csr_officer: "200/404/404/200", why: "body: facilitator organisations are a platform-wide directory a company engages from (GET /organizations?type=facilitator), so another tenant's is accepted" },
  'POST /api/v1/programs/{id}/years': { admin: 409, csr_officer: "409/404/404", why: "own: Generasi Trakindo already has a record for 2026 (id …) (409)" },
  'GET /api/v1/programs/{id}/years': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/programs/{id}/years/{yearId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/programs/{id}/years/{yearId}': { admin: 200, csr_officer: "200/404/404" },
  'GET /api/v1/programs/{id}/years/{yearId}/cohort': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/programs/{id}/years/{yearId}/status': { admin: 422, csr_officer: "422/404/404", why: "own: 2026 of Generasi Trakindo is already running (422)" },
  'POST /api/v1/partnerships': { admin: 409, csr_officer: "409/422/422", why: "own: SDN Sungai Miai 5 Banjarmasin already has a partnership in Generasi Trakindo (id …) (409)" },
  'GET /api/v1/partnerships': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/partnerships/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/partnerships/{id}/status': { admin: 200, csr_officer: "200/404/404" },
  'PUT /api/v1/partnerships/{id}/years': { admin: 422, csr_officer: "422/404/404/422", why: "own: the cohort of a closed program year is read-only: cannot remove 2012, 2013, 2014, 2015, 2016, 2017,  (422)" },
  'GET /api/v1/partnerships/{id}/timeline': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/plans': { admin: 409, principal: "409/422/422", why: "own: the school already has its plan for 2026 (409)" },
  'GET /api/v1/plans': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/plans/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/plans/{id}': { admin: 422, principal: "422/404/404/422", why: "own: cannot change the plan: the plan is submitted and waiting for review (submitted) (422)" },
  'GET /api/v1/plans/{id}/editors': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/plans/{id}/editors': { admin: "201/201/201/422", principal: "201/404/404/422", why: "admins may add an editor to any plan; tenant C's user is no user of the school (422 by field)" },
  'DELETE /api/v1/plans/{id}/editors/{userId}': { admin: 204, principal: "204/404/404" },
  'POST /api/v1/plans/{id}/submit': { admin: 422, principal: "422/404/404", why: "own: cannot submit the plan: the plan is submitted and waiting for review (submitted) (422)" },
  'POST /api/v1/plans/{id}/request-changes': { admin: 422, csr_officer: "200/404/404", facilitator: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/plans/{id}/approve': { admin: 422, csr_officer: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/plans/{id}/start': { admin: 422, csr_officer: "422/404/404", principal: "422/404/404", education_officer: "403/403/404", facilitator: "403/404/404", why: "own: cannot start the plan: the plan is submitted and waiting for review (submitted) (422)" },
  'POST /api/v1/plans/{id}/complete': { admin: 422, csr_officer: "422/404/404", principal: "422/404/404", education_officer: "403/403/404", facilitator: "403/404/404", why: "own: a rule of the record (422)" },
  'POST /api/v1/plans/{id}/withdraw': { admin: 200, principal: "200/404/404" },
  'POST /api/v1/plans/{id}/revise': { admin: 422, principal: "422/404/404", why: "own: cannot open a revision: the plan is submitted and waiting for review (submitted) (422)" },
  'GET /api/v1/plans/{id}/versions': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/versions/{number}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/versions/{number}/diff': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/comments': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/plans/{id}/comments': { admin: "201/201/201/422", csr_officer: "201/404/404/422", principal: "201/404/404/422", education_officer: "403/403/404/403", facilitator: "201/404/404/422" },
  'GET /api/v1/plans/{id}/progress': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PUT /api/v1/plans/{id}/activities/{activityId}/progress': { admin: 200, principal: "200/404/404" },
  'PUT /api/v1/plans/{id}/indicators/{indicatorId}/result': { admin: 200, principal: "200/404/404" },
  'GET /api/v1/plans/{id}/documents/{documentId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/export.pdf': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/budget.csv': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/plans/{id}/budget.xlsx': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/mentoring/assignments': { admin: 422, csr_officer: 422, why: "own: The partnership of SDN Sungai Miai 5 Banjarmasin in Generasi Trakindo is ended (422)" },
  'GET /api/v1/mentoring/assignments': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/mentoring/assignments/candidates': { admin: 200, csr_officer: "200/422/422" },
  'GET /api/v1/mentoring/assignments/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/mentoring/assignments/{id}/attendees': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/mentoring/assignments/{id}/reassign': { admin: 422, csr_officer: "422/404/404/422", why: "own: Dewi Lestari (Fasilitator, Edukasi 101) already holds this assignment (422)" },
  'POST /api/v1/mentoring/assignments/{id}/end': { admin: 200, csr_officer: "200/404/404" },
  'POST /api/v1/mentoring/sessions': { admin: 422, facilitator: "201/422/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/mentoring/sessions': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/mentoring/sessions/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/mentoring/sessions/{id}': { admin: 422, facilitator: "200/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mentoring/sessions/{id}/confirm': { admin: 422, principal: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mentoring/sessions/{id}/dispute': { admin: 422, principal: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mentoring/sessions/{id}/evidence': { admin: 422, facilitator: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/mentoring/sessions/{id}/evidence/{documentId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/mentoring/actions': { admin: 422, facilitator: "201/422/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/mentoring/actions': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/mentoring/actions/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/mentoring/actions/{id}': { principal: "200/404/404", facilitator: "200/404/404" },
  'POST /api/v1/jobs/mentoring-overdue/run': { admin: 200 },
  'POST /api/v1/trainings': { admin: 422, csr_officer: "201/422/422", facilitator: "201/422/422", why: "own: trainings are organised in the name of a company or a facilitator organisation (422)" },
  'GET /api/v1/trainings': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/trainings/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/trainings/{id}': { admin: 200, csr_officer: "200/404/404/422", facilitator: "422/404/404/422", why: "own: only the organiser (PT Trakindo Utama) can change the training (422)" },
  'GET /api/v1/trainings/{id}/evaluation': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/trainings/{id}/participants': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/trainings/{id}/participants': { admin: "409/409/409/201", csr_officer: "409/404/404/422", facilitator: "422/404/404/422", why: "admins add anyone: the principal already takes part (409), tenant C's user does not (201); an organiser's body ids are refused by field (422); a facilitator who does not organise the training is refused (422)" },
  'POST /api/v1/trainings/{id}/nominations': { admin: 422, csr_officer: "409/404/404/422", why: "own: the principal already takes part in the training (409); admins read but do not act in an organisation's name (422)" },
  'PUT /api/v1/trainings/{id}/participants/me/responses': { admin: 404, csr_officer: 404, principal: "200/404/404/422", education_officer: 404, facilitator: 404, why: "only a participant answers; body: tenant C's questionnaire item is refused by field (422)" },
  'PATCH /api/v1/trainings/{id}/participants/{participantId}': { admin: "200/200/200/422", csr_officer: "200/404/404/422", facilitator: "422/404/404/422", why: "body: tenant C's questionnaire item is no item of this training (422 by field); a facilitator who does not organise the training is refused (422)" },
  'DELETE /api/v1/trainings/{id}/participants/{participantId}': { admin: 204, csr_officer: "204/404/404", facilitator: "422/404/404", why: "own: only the organiser (PT Trakindo Utama) can remove participants (422)" },
  'GET /api/v1/regions': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'POST /api/v1/users': { admin: 201, csr_officer: "201/422/422", principal: "201/422/422", education_officer: "201/422/422" },
  'GET /api/v1/users': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "each role lists the users it may see (filtered, not refused)" },
  'GET /api/v1/users/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/404/404", facilitator: "200/404/404", judge: "200/404/404" },
  'PATCH /api/v1/users/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/404/404" },
  'POST /api/v1/mous': { admin: 422, csr_officer: "201/422/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/mous': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/mous/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/mous/{id}': { admin: 422, csr_officer: "422/404/404", why: "own: cannot change the MoU's terms: it is signed and in force (status active) (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mous/{id}/submit': { admin: 422, csr_officer: "422/404/404", why: "own: cannot submit the MoU for signatures: it is signed and in force (status active) (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mous/{id}/sign': { csr_officer: "422/404/404", principal: "422/404/404", education_officer: "422/403/404", facilitator: "422/404/404", why: "own: the MoU in force needs no more signatures (422); an office sees MoUs of its jurisdiction (other: 403) but signs only those it is a party to" },
  'POST /api/v1/mous/{id}/amendments': { admin: 422, csr_officer: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mous/{id}/amendments/{amendmentId}/sign': { csr_officer: "422/404/404", principal: "422/404/404", education_officer: "422/403/404", facilitator: "422/404/404", why: "own: the amendment is signed by every party (422); an office sees MoUs of its jurisdiction (other: 403) but signs only those it is a party to" },
  'POST /api/v1/mous/{id}/renewals': { admin: 422, csr_officer: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mous/{id}/terminate': { admin: 422, csr_officer: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/mous/{id}/documents': { admin: 422, csr_officer: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/mous/{id}/documents/{documentId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'POST /api/v1/competitions': { admin: 422, csr_officer: "201/422/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'GET /api/v1/competitions/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404", judge: "200/404/404" },
  'PATCH /api/v1/competitions/{id}': { admin: 422, csr_officer: "422/404/404", why: "own: an open competition's title, dates, categories and rubric are fixed (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/competitions/{id}/phase': { admin: 422, csr_officer: "422/404/404", why: "own: the body asks for the phase the competition is already in (422); admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions/{id}/results/preview': { admin: 422, csr_officer: "422/404/404", why: "own: the results are published: read them with GET /api/v1/competitions/…/results (422)" },
  'GET /api/v1/competitions/{id}/results': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: 404, judge: "200/404/404", why: "a facilitator is no party of competitions" },
  'POST /api/v1/competitions/{id}/entries': { admin: 422, principal: "201/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions/{id}/entries': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404", judge: "200/404/404" },
  'GET /api/v1/entries/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: 404, judge: "200/404/404", why: "the entry of the open competition: seen by the company, the school and the judges assigned to it; a facilitator and an education office are no party to it" },
  'PATCH /api/v1/entries/{id}': { admin: 422, principal: "200/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/entries/{id}/evidence': { admin: 422, principal: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/entries/{id}/evidence/{documentId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: 404, judge: "200/404/404", why: "as the entry itself: a facilitator and an education office are no party to it" },
  'POST /api/v1/competitions/{id}/judges': { admin: 422, csr_officer: "409/404/404/201", why: "own: the demo judge is on the panel already (409); body: the pool of judges is the platform's (users with the judge role of any organisation), so tenant C's judge joins; admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions/{id}/judges': { admin: 200, csr_officer: "200/404/404" },
  'GET /api/v1/competitions/{id}/judge-candidates': { admin: 422, csr_officer: "200/404/404", why: "the pool of judges is the platform's: users with the judge role of any organisation; admins read but do not act in an organisation's name (422)", directory: true },
  'DELETE /api/v1/competitions/{id}/judges/{userId}': { admin: 422, csr_officer: "204/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/competitions/{id}/assignments': { admin: 422, csr_officer: "201/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions/{id}/assignments': { admin: 200, csr_officer: "200/404/404", principal: 404, education_officer: 404, facilitator: 404, judge: "200/404/404" },
  'POST /api/v1/competitions/{id}/assignments/by-category': { admin: 422, csr_officer: "200/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'DELETE /api/v1/competitions/{id}/assignments/{assignmentId}': { admin: 422, csr_officer: "204/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/competitions/{id}/conflicts': { admin: 422, judge: "201/404/404/201", why: "body: schools are in the directory every user reads, and a judge may declare a conflict of interest with any school; admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/competitions/{id}/conflicts': { admin: 200, csr_officer: "200/404/404", principal: 404, education_officer: 404, facilitator: 404, judge: "200/404/404" },
  'PUT /api/v1/entries/{id}/scores': { admin: 422, judge: "422/404/404/422", why: "own: judging has not started in the open competition (422), so the body's criterion of tenant C is not reached either; admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/entries/{id}/scores': { admin: 200, csr_officer: "200/404/404", principal: 404, education_officer: 404, facilitator: 404, judge: "200/404/404" },
  'GET /api/v1/notifications': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'GET /api/v1/notifications/unread-count': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'POST /api/v1/notifications/read-all': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
  'POST /api/v1/notifications/{id}/read': { admin: 404, csr_officer: "200/404/404", principal: 404, education_officer: 404, facilitator: 404, judge: 404, why: "the demo's one notification is the CSR officer's; a notification is its addressee's alone" },
  'GET /api/v1/admin/outbox': { admin: 200 },
  'POST /api/v1/jobs/mou-expiry/run': { admin: 200 },
  'POST /api/v1/grants': { admin: 422, csr_officer: 422, why: "own: The 2026 plan of SDN Pelambuan 4 Banjarmasin is submitted (422); admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/grants': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200 },
  'GET /api/v1/grants/{id}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'PATCH /api/v1/grants/{id}': { admin: 422, csr_officer: "422/404/404/422", why: "own: the grant can no longer be changed: money has already been disbursed (status disbursing) (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/cancel': { admin: 422, csr_officer: "422/404/404", why: "own: the grant cannot be cancelled while Rp 2.400.000 of it is still at the school (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/settlement': { admin: 422, csr_officer: "422/404/404", why: "own: the grant's expense report is waiting for review (422); admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/grants/{id}/ledger': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: "200/404/404" },
  'GET /api/v1/grants/{id}/disbursements': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: "200/404/404" },
  'POST /api/v1/grants/{id}/disbursements': { admin: 422, csr_officer: "422/404/404", why: "own: this grant pays a tranche only after the expense report of the previous one is accepted, and tranche (422); admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/disbursements/{disbursementId}/reverse': { admin: 422, csr_officer: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/expense-reports': { admin: 422, principal: "201/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/grants/{id}/expense-reports': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: "200/404/404" },
  'GET /api/v1/grants/{id}/expense-reports/{reportId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: "200/404/404" },
  'PATCH /api/v1/grants/{id}/expense-reports/{reportId}': { admin: 422, principal: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/expense-reports/{reportId}/lines': { admin: 422, principal: "201/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'PATCH /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}': { admin: 422, principal: "200/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'DELETE /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}': { admin: 422, principal: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}/receipts': { admin: 422, principal: "201/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'GET /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}/receipts/{documentId}': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: 404, facilitator: "200/404/404" },
  'POST /api/v1/grants/{id}/expense-reports/{reportId}/submit': { admin: 422, principal: "200/404/404", why: "admins read but do not act in an organisation's name (422)" },
  'POST /api/v1/grants/{id}/expense-reports/{reportId}/review': { admin: 422, csr_officer: "200/404/404/422", why: "admins read but do not act in an organisation's name (422)" },
  'GET /health': { anonymous: 200, admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "public" },
  'GET /health/ready': { anonymous: 200, admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200, why: "public" },
  'GET /api/v1/reports/portfolio': { admin: 200, csr_officer: "200/404/404" },
  'GET /api/v1/reports/portfolio/health': { admin: 200, csr_officer: "200/404/404" },
  'GET /api/v1/reports/portfolio/charts/{name}': { admin: 200, csr_officer: "200/404/404" },
  'GET /api/v1/reports/region': { admin: 200, education_officer: 200 },
  'GET /api/v1/reports/partnerships/{id}/summary.pdf': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404", facilitator: "200/404/404" },
  'GET /api/v1/schools/{id}/timeline': { admin: 200, csr_officer: "200/404/404", principal: "200/404/404", education_officer: "200/200/404" },
  'GET /api/v1/agenda': { admin: 200, csr_officer: 200, principal: 200, education_officer: 200, facilitator: 200, judge: 200 },
};

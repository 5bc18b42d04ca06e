import type { Lang } from './i18n';
import { forbiddenSentence, recordName } from './names';

type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);

interface ErrorDefinition {
  status: number;
  title: Record<Lang, string>;
  detail: Record<Lang, Text>;
}

/**
 * Every error a caller can get, by stable code: its HTTP status and what it says, in English and
 * Bahasa Indonesia. Details say what to do next.
 */
export const ERROR_CATALOG = {
  /** A body, query or path value failed validation; `errors` lists each field. */
  validation_failed: {
    status: 422,
    title: { en: 'Some fields need fixing', id: 'Beberapa isian perlu diperbaiki' },
    detail: {
      en: 'The request has fields that are missing or not valid. Fix the fields listed in "errors" and send it again.',
      id: 'Permintaan berisi isian yang kosong atau tidak valid. Perbaiki isian yang tercantum di "errors" lalu kirim ulang.',
    },
  },
  /** The body is not valid JSON. */
  malformed_json: {
    status: 400,
    title: { en: 'The request body is not valid JSON', id: 'Isi permintaan bukan JSON yang valid' },
    detail: {
      en: 'Send the body as valid JSON with the header Content-Type: application/json.',
      id: 'Kirim isi permintaan sebagai JSON yang valid dengan header Content-Type: application/json.',
    },
  },
  /** The JSON body nests arrays and objects deeper than the API accepts (src/common/http/input-guard.ts). */
  json_too_deep: {
    status: 400,
    title: { en: 'The request body is nested too deeply', id: 'Isi permintaan bersarang terlalu dalam' },
    detail: {
      en: (p) => `The JSON body nests arrays and objects more than ${p.limit} levels deep. No request of this API needs that many; send a flatter body.`,
      id: (p) => `Isi JSON memuat array dan objek bersarang lebih dari ${p.limit} tingkat. Tidak ada permintaan API ini yang memerlukannya; kirim isi yang lebih datar.`,
    },
  },
  /** The request is malformed in a way no other code describes. */
  bad_request: {
    status: 400,
    title: { en: 'The request is malformed', id: 'Permintaan tidak dapat dibaca' },
    detail: {
      en: (p) => `${p.reason}. Check the request against the API documentation at /docs.`,
      id: (p) => `${p.reason}. Periksa permintaan dengan dokumentasi API di /docs.`,
    },
  },
  /** The body is larger than the configured limit. */
  payload_too_large: {
    status: 413,
    title: { en: 'The request is too large', id: 'Permintaan terlalu besar' },
    detail: {
      en: (p) => `The request body is larger than the limit of ${p.limit}. Send less data in one request.`,
      id: (p) => `Isi permintaan melebihi batas ${p.limit}. Kirim data yang lebih sedikit dalam satu permintaan.`,
    },
  },
  /** The record is missing or belongs to another organisation: the two are never told apart. */
  not_found: {
    status: 404,
    title: { en: 'Not found', id: 'Tidak ditemukan' },
    detail: {
      en: (p) => `There is no ${recordName(p.resource, 'en')} with id ${p.id} that you can see. Check the link or the id.`,
      id: (p) => `Tidak ada ${recordName(p.resource, 'id')} dengan id ${p.id} yang dapat Anda lihat. Periksa tautan atau id tersebut.`,
    },
  },
  /** No route matches the method and path. */
  route_not_found: {
    status: 404,
    title: { en: 'No such endpoint', id: 'Endpoint tidak ada' },
    detail: {
      en: (p) => `There is no endpoint ${p.method} ${p.path}. See /docs for the list of endpoints.`,
      id: (p) => `Tidak ada endpoint ${p.method} ${p.path}. Lihat /docs untuk daftar endpoint.`,
    },
  },
  /** No bearer token, or one that is malformed, tampered with or signed by someone else. */
  unauthenticated: {
    status: 401,
    title: { en: 'Sign-in required', id: 'Perlu masuk terlebih dahulu' },
    detail: {
      en: 'Send a valid access token in the header Authorization: Bearer <token>. Get one from POST /api/v1/auth/login.',
      id: 'Kirim token akses yang valid di header Authorization: Bearer <token>. Dapatkan dari POST /api/v1/auth/login.',
    },
  },
  /** The access token has expired. */
  token_expired: {
    status: 401,
    title: { en: 'Your access token has expired', id: 'Token akses Anda sudah kedaluwarsa' },
    detail: {
      en: 'Get a new access token from POST /api/v1/auth/refresh with your refresh token, or sign in again.',
      id: 'Minta token akses baru lewat POST /api/v1/auth/refresh dengan refresh token Anda, atau masuk lagi.',
    },
  },
  /** The session behind the token was ended (logout, disabled account, reused refresh token). */
  session_ended: {
    status: 401,
    title: { en: 'Your session has ended', id: 'Sesi Anda telah berakhir' },
    detail: {
      en: 'This session was signed out or the account was disabled. Sign in again.',
      id: 'Sesi ini sudah keluar atau akunnya dinonaktifkan. Silakan masuk lagi.',
    },
  },
  /** Email or password is wrong; which of the two is never said. */
  invalid_credentials: {
    status: 401,
    title: { en: 'Email or password is wrong', id: 'Email atau kata sandi salah' },
    detail: {
      en: 'Check your email address and password and try again.',
      id: 'Periksa alamat email dan kata sandi Anda lalu coba lagi.',
    },
  },
  /** The refresh token is missing, unknown or expired. */
  refresh_token_invalid: {
    status: 401,
    title: { en: 'The refresh token is not valid', id: 'Refresh token tidak valid' },
    detail: {
      en: 'The refresh token is missing, unknown or expired, or its session has ended. Sign in again.',
      id: 'Refresh token tidak ada, tidak dikenal, kedaluwarsa, atau sesinya telah berakhir. Silakan masuk lagi.',
    },
  },
  /** A refresh token was used twice: the whole session is revoked in case it was stolen. */
  refresh_token_reused: {
    status: 401,
    title: { en: 'This refresh token was already used', id: 'Refresh token ini sudah pernah dipakai' },
    detail: {
      en: 'Each refresh token works once. Because this one was used again, the session was ended for safety. Sign in again.',
      id: 'Setiap refresh token hanya berlaku sekali. Karena token ini dipakai lagi, sesi diakhiri demi keamanan. Silakan masuk lagi.',
    },
  },
  /** The invitation token is unknown, already used or expired. */
  invitation_invalid: {
    status: 422,
    title: { en: 'This invitation cannot be used', id: 'Undangan ini tidak dapat dipakai' },
    detail: {
      en: 'The invitation is unknown, already accepted or expired (invitations last 7 days). Ask whoever invited you to send a new one.',
      id: 'Undangan tidak dikenal, sudah diterima, atau kedaluwarsa (undangan berlaku 7 hari). Minta pengundang Anda mengirim undangan baru.',
    },
  },
  /** The password reset link's token is unknown (mistyped, cut short) or its account is disabled. */
  password_reset_invalid: {
    status: 404,
    title: { en: 'This password reset link is not valid', id: 'Tautan atur ulang kata sandi ini tidak valid' },
    detail: {
      en: 'The link is incomplete or unknown. Open it again from the email, copying the whole address, or ask for a new one on the sign-in page.',
      id: 'Tautan tidak lengkap atau tidak dikenal. Buka lagi dari email dengan menyalin seluruh alamatnya, atau minta tautan baru di halaman masuk.',
    },
  },
  /** The password reset link is older than its hour. */
  password_reset_expired: {
    status: 410,
    title: { en: 'This password reset link has expired', id: 'Tautan atur ulang kata sandi ini sudah kedaluwarsa' },
    detail: {
      en: 'A reset link works for one hour. Ask for a new one on the sign-in page ("Forgot password").',
      id: 'Tautan atur ulang hanya berlaku satu jam. Minta tautan baru di halaman masuk ("Lupa kata sandi").',
    },
  },
  /** The password reset link was used already (each works once; a reset also ends the user's other links). */
  password_reset_used: {
    status: 410,
    title: { en: 'This password reset link was already used', id: 'Tautan atur ulang kata sandi ini sudah dipakai' },
    detail: {
      en: 'Each reset link works once, and setting a new password ends every other link sent before. Sign in with your new password, or ask for a new link.',
      id: 'Setiap tautan atur ulang hanya berlaku sekali, dan kata sandi baru membatalkan semua tautan lain yang dikirim sebelumnya. Masuk dengan kata sandi baru Anda, atau minta tautan baru.',
    },
  },
  /** Too many password reset requests for one email address or from one client address. */
  too_many_password_resets: {
    status: 429,
    title: { en: 'Too many password reset requests', id: 'Terlalu banyak permintaan atur ulang kata sandi' },
    detail: {
      en: (p) => `Check your inbox (and spam folder) for the link already sent. Wait ${p.retryAfter} seconds before asking again.`,
      id: (p) => `Periksa kotak masuk (dan folder spam) Anda untuk tautan yang sudah dikirim. Tunggu ${p.retryAfter} detik sebelum meminta lagi.`,
    },
  },
  /** The account is disabled. */
  account_disabled: {
    status: 403,
    title: { en: 'This account is disabled', id: 'Akun ini dinonaktifkan' },
    detail: {
      en: 'Ask an administrator of your organisation to enable your account again.',
      id: 'Minta administrator organisasi Anda untuk mengaktifkan kembali akun Anda.',
    },
  },
  /** Too many failed sign-ins for the account or from the address. */
  too_many_login_attempts: {
    status: 429,
    title: { en: 'Too many failed sign-in attempts', id: 'Terlalu banyak percobaan masuk yang gagal' },
    detail: {
      en: (p) => `Wait ${p.retryAfter} seconds before trying again.`,
      id: (p) => `Tunggu ${p.retryAfter} detik sebelum mencoba lagi.`,
    },
  },
  /** The caller's role does not allow this action. */
  forbidden: {
    status: 403,
    title: { en: 'You are not allowed to do this', id: 'Anda tidak diizinkan melakukan ini' },
    detail: {
      en: (p) => forbiddenSentence(p, 'en'),
      id: (p) => forbiddenSentence(p, 'id'),
    },
  },
  /** The endpoint declares no permission, so nobody may call it. */
  route_not_permitted: {
    status: 403,
    title: { en: 'This endpoint is closed', id: 'Endpoint ini tertutup' },
    detail: {
      en: 'This endpoint declares no permission, so it is closed to everyone.',
      id: 'Endpoint ini tidak menyatakan izin apa pun, sehingga tertutup bagi semua orang.',
    },
  },
  /** The email address is taken by another user. */
  email_taken: {
    status: 409,
    title: { en: 'This email address is already in use', id: 'Alamat email ini sudah dipakai' },
    detail: {
      en: (p) => `A user with the email ${p.email} already exists. Use another address or edit that user.`,
      id: (p) => `Pengguna dengan email ${p.email} sudah ada. Gunakan alamat lain atau ubah pengguna tersebut.`,
    },
  },
  /** The NPSN belongs to another school. */
  npsn_taken: {
    status: 409,
    title: { en: 'This NPSN is already registered', id: 'NPSN ini sudah terdaftar' },
    detail: {
      en: (p) => `NPSN ${p.npsn} already belongs to ${p.existingName} (id ${p.existingId}). Edit that school instead.`,
      id: (p) => `NPSN ${p.npsn} sudah dimiliki ${p.existingName} (id ${p.existingId}). Ubah sekolah tersebut saja.`,
    },
  },
  /** Someone else changed the record since the caller read it. */
  stale_version: {
    status: 409,
    title: { en: 'Someone else changed this record', id: 'Data ini sudah diubah orang lain' },
    detail: {
      en: (p) => `You edited version ${p.sent}, but the record is now at version ${p.current}. Reload it, apply your change again and send it with version ${p.current}.`,
      id: (p) => `Anda mengubah versi ${p.sent}, tetapi data kini di versi ${p.current}. Muat ulang, terapkan perubahan Anda lagi, lalu kirim dengan versi ${p.current}.`,
    },
  },
  /** The MoU number is used by another MoU: numbers are unique across the platform. */
  mou_number_taken: {
    status: 409,
    title: { en: 'This MoU number is already in use', id: 'Nomor MoU ini sudah dipakai' },
    detail: {
      en: (p) => `Another MoU already has the number ${p.number}. Give this agreement its own number, e.g. with the year or a sequence.`,
      id: (p) => `MoU lain sudah memakai nomor ${p.number}. Beri perjanjian ini nomor sendiri, misalnya dengan tahun atau nomor urut.`,
    },
  },
  /** The caller's organisation already signed this MoU or amendment: each party signs once. */
  already_signed: {
    status: 409,
    title: { en: 'Your organisation has already signed', id: 'Organisasi Anda sudah menandatangani' },
    detail: {
      en: (p) => `${p.organization || 'Your organisation'} already signed this ${p.what}${p.signedAt ? ` on ${p.signedAt}` : ''}. Each party signs once; nothing more is needed from you.`,
      id: (p) => `${p.organization || 'Organisasi Anda'} sudah menandatangani ${p.whatId} ini${p.signedAt ? ` pada ${p.signedAt}` : ''}. Setiap pihak menandatangani sekali; tidak ada lagi yang perlu Anda lakukan.`,
    },
  },
  /** The MoU already has its renewal: one renewal per MoU. */
  mou_already_renewed: {
    status: 409,
    title: { en: 'This MoU already has a renewal', id: 'MoU ini sudah memiliki perpanjangan' },
    detail: {
      en: (p) => `MoU ${p.number} is already renewed by MoU ${p.renewalNumber} (id ${p.renewalId}). Change that renewal while it is a draft, or renew the renewal once it is in force.`,
      id: (p) => `MoU ${p.number} sudah diperpanjang dengan MoU ${p.renewalNumber} (id ${p.renewalId}). Ubah perpanjangan itu selama masih draf, atau perpanjang MoU perpanjangan itu setelah berlaku.`,
    },
  },
  /** The caller can see the MoU, but their organisation is not a party whose signature it needs. */
  not_a_signing_party: {
    status: 403,
    title: { en: 'Your organisation does not sign this MoU', id: 'Organisasi Anda tidak menandatangani MoU ini' },
    detail: {
      en: 'Only the organisations this MoU names as signing parties can sign it. Ask a user of one of those organisations to sign.',
      id: 'Hanya organisasi yang disebut MoU ini sebagai pihak penanda tangan yang dapat menandatanganinya. Minta pengguna dari salah satu organisasi tersebut untuk menandatangani.',
    },
  },
  /**
   * A rule of the domain refuses the request (over the award, outside the jurisdiction, a conflicted
   * judge...): nothing is wrong with the shape of a field; the detail says why and what to do. When the
   * rule concerns one field, `errors` names it too, so a form can show the reason there.
   */
  rule_violated: {
    status: 422,
    title: { en: 'This request cannot be carried out', id: 'Permintaan ini tidak dapat diproses' },
    detail: { en: (p) => String(p.en), id: (p) => String(p.id) },
  },
  /** The database cannot be reached or did not answer in time: the request was not carried out; retry after Retry-After seconds. */
  service_unavailable: {
    status: 503,
    title: { en: 'The service is temporarily unavailable', id: 'Layanan sedang tidak tersedia' },
    detail: {
      en: (p) => `The database did not answer in time, so the request was not carried out. Your sign-in is still valid. Try again in ${p.retryAfter} seconds.`,
      id: (p) => `Basis data tidak menjawab tepat waktu sehingga permintaan tidak diproses. Sesi masuk Anda tetap berlaku. Coba lagi dalam ${p.retryAfter} detik.`,
    },
  },
  /** The document storage (folder or bucket) cannot be reached or refused the bytes: no document was recorded; retry after Retry-After seconds. */
  storage_unavailable: {
    status: 503,
    title: { en: 'Files cannot be stored or read right now', id: 'Berkas tidak dapat disimpan atau dibaca saat ini' },
    detail: {
      en: (p) => `The file store did not answer, so no file was saved or read and nothing was recorded. Try again in ${p.retryAfter} seconds; if it keeps failing, tell your administrator.`,
      id: (p) => `Tempat penyimpanan berkas tidak menjawab sehingga tidak ada berkas yang disimpan atau dibaca dan tidak ada yang dicatat. Coba lagi dalam ${p.retryAfter} detik; bila terus gagal, beri tahu administrator Anda.`,
    },
  },
  /** Anything unexpected; the request id is what support needs. */
  internal_error: {
    status: 500,
    title: { en: 'Something went wrong on our side', id: 'Terjadi kesalahan di sisi kami' },
    detail: {
      en: (p) => `The error was logged. If it happens again, report the request id ${p.requestId}.`,
      id: (p) => `Kesalahan sudah dicatat. Jika terulang, laporkan id permintaan ${p.requestId}.`,
    },
  },
  /** An import file has rows with problems: nothing was written; `problems` lists each by row and column. */
  import_failed: {
    status: 422,
    title: { en: 'The file has rows that need fixing', id: 'Berkas berisi baris yang perlu diperbaiki' },
    detail: {
      en: (p) => `Nothing was imported: ${p.problemCount} problem(s) were found. Fix the rows listed in "problems" (row 1 is the header row) and upload the whole file again.`,
      id: (p) => `Tidak ada yang diimpor: ditemukan ${p.problemCount} masalah. Perbaiki baris yang tercantum di "problems" (baris 1 adalah baris judul) lalu unggah ulang seluruh berkas.`,
    },
  },
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Renders the title and detail of an error code in one language. */
export function describeError(code: ErrorCode, params: Params, lang: Lang): { status: number; title: string; detail: string } {
  const def: ErrorDefinition = ERROR_CATALOG[code];
  const text = def.detail[lang];
  return { status: def.status, title: def.title[lang], detail: typeof text === 'function' ? text(params) : text };
}

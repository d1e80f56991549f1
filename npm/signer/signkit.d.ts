// Generated from crate/src/wasm/types/*.d.ts by the `wasm::signer::tables` test; do not edit.

/** A body that cannot be encoded as asked (the bytes would be wrong or ambiguous). */
export type BuildErrorCode = EncodeErrorCode;

/** The signer-only package has no validator. */
export type ValidationErrorCode = never;

/** An endpoint of signkit. */
export type ApiName =
  | "createGroup"
  | "verifyApplyJoiningMember"
  | "applyMicroChannel"
  | "inviteUserJoin"
  | "inviteMeeting";

/** The four daoke (语镜) endpoints. */
export type DaokeApiName = Exclude<ApiName, "inviteMeeting">;

/** A text in English and Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Request parameters: ordered `[name, value]` pairs, or a plain object (its property
 * order; JS puts integer-like keys first). Values are strings: to the servers numbers are
 * text, and `"0123"` keeps its leading zero.
 */
export type Params = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;

/** Options of `daokeSign` and `encodeForm`. */
export interface DaokeSignOptions {
  /** Show the app secret in `stringToSign` (default: replaced by `<secret>`). */
  revealSecret?: boolean;
}

/** The result of `daokeSign`. */
export interface DaokeSignResult {
  /** 40 upper-case hex digits. */
  sign: string;
  /** The concatenation that was hashed; the secret reads `<secret>` unless revealed. */
  stringToSign: string;
  /** The signing order of the keys, `secret` included. */
  sortedKeys: string[];
}

/** The result of `encodeForm`: the body to send and how it was signed. */
export interface FormBody extends DaokeSignResult {
  /** `name=value&…&sign=…`, values percent-encoded (UTF-8, upper-case `%XX`). */
  body: string;
  contentType: "application/x-www-form-urlencoded";
}

/** A file part of a multipart body (at most one per request; never signed). */
export interface FilePart {
  /** The form field name, `^[A-Za-z0-9_]+$`. */
  name: string;
  /** The file name, without `"`, CR or LF. */
  filename: string;
  /** The media type, e.g. `audio/amr`. */
  contentType: string;
  data: Uint8Array;
}

/** Options of `encodeMultipart`. */
export interface EncodeMultipartOptions extends DaokeSignOptions {
  /** A fixed multipart boundary (RFC 2046: 1–70 characters); default: generated. */
  boundary?: string;
  /** File parts (at most one). */
  files?: ReadonlyArray<FilePart>;
  /** Seed of a generated boundary (same seed, same boundary); default: random. */
  seed?: number | bigint;
}

/** The result of `encodeMultipart`: the body to send and how it was signed. */
export interface MultipartBody extends DaokeSignResult {
  /** The exact body bytes (a fresh buffer, accepted by `fetch` as it is; TypeScript ≥ 5.7). */
  body: Uint8Array<ArrayBuffer>;
  /** `multipart/form-data; boundary=…`: send exactly this header with the body. */
  contentType: string;
}

/** The result of `ytxSign`. */
export interface YtxSignResult {
  /** The `Sign` query parameter: 32 upper-case hex digits. */
  sign: string;
  /** The `Authorization` header: Base64 of `authorizationPlain`. */
  authorization: string;
  /** `accountSID|timestamp`. */
  authorizationPlain: string;
  /** `accountSID<authToken>timestamp`: what was hashed, the token redacted. */
  stringToSign: string;
}

/** One person to invite to a YTX meeting. */
export interface Party {
  name: string;
  /** A mobile number, or a landline with `,` and an extension. */
  phone: string;
}

/** The input of `encodeInviteMeeting`: what the inviteMeeting body carries. */
export interface InviteMeetingBodyInput {
  appid: string;
  confid: string;
  parties: ReadonlyArray<Party>;
  /** `CustomParm` in the body; left out when not given. */
  customParm?: string;
  /** Default `inviteJoinMeeting`. */
  action?: string;
}

/** An input the API could not take: the value has the wrong type, is not allowed, or is too big. */
export type InputErrorCode =
  | "wrong-type"
  | "invalid-value"
  | "unknown-api"
  | "unknown-key"
  | "invalid-string"
  | "input-too-large";

/** A body that cannot be encoded as asked (the bytes would be wrong or ambiguous). */
export type EncodeErrorCode =
  | "not-daoke"
  | "invalid-boundary"
  | "boundary-in-content"
  | "too-many-files"
  | "invalid-file-field"
  | "invalid-file-name"
  | "invalid-file-content-type";

/** Every `code` a `SignkitError` can have. */
export type ErrorCode = InputErrorCode | BuildErrorCode | ValidationErrorCode;

/**
 * What every function of signkit throws: a real `Error` whose `message` is the English
 * text, with a stable `code`, the input `field` concerned (e.g. `options.files[0].name`)
 * and the message in English and Chinese.
 */
export interface SignkitError extends Error {
  name: "SignkitError";
  code: ErrorCode;
  field: string | null;
  messages: Bilingual;
}

/**
 * Signs daoke parameters with the app secret (spec §4): drops a stale `sign`, turns every
 * CR…CRLF run in a value into LF, adds `secret`, sorts the keys by their UTF-8 bytes,
 * concatenates `key + value` and returns the upper-case SHA-1.
 *
 * This is the generic signer: it applies no endpoint rule (createGroup and
 * verifyApplyJoiningMember omit an empty `callbackURL`; `encodeForm`, `encodeMultipart`
 * and `buildDaokeRequest` do that when given the endpoint). `stringToSign` shows the secret
 * as `<secret>` unless `options.revealSecret` is `true`.
 *
 * Throws a `SignkitError` (`code` `wrong-type`, `invalid-string`, `unknown-key`, …) for
 * input it cannot sign as given.
 */
export function daokeSign(params: Params, secret: string, options?: DaokeSignOptions): DaokeSignResult;

/**
 * Signs daoke parameters and writes them as a form-urlencoded body (spec §3.4, §5.1):
 * the canonical parameters in the caller's order, `sign` last, every value percent-encoded
 * (UTF-8, every byte except `A–Z a–z 0–9 - . _ ~` as upper-case `%XX`, a space as `%20`).
 * Send `body` as it is, with `contentType`: it is exactly what was signed.
 *
 * `api` is one of the four daoke endpoints or `null`. With createGroup or
 * verifyApplyJoiningMember an empty `callbackURL` is left out (spec §3.4 step 3), from the
 * body and from the signature; other endpoints and `null` keep every parameter. Otherwise
 * it signs exactly like `daokeSign`.
 */
export function encodeForm(api: DaokeApiName | null, params: Params, secret: string, options?: DaokeSignOptions): FormBody;

/**
 * Signs daoke parameters and writes them as a multipart/form-data body (spec §3.4, §5.2):
 * one part per canonical parameter in the caller's order (values raw), the `sign` part,
 * then the file part when `options.files` holds one (at most one; files are never
 * signed). `contentType` carries the boundary: send `body` with exactly that header
 * (never through `FormData`, which picks its own boundary and rewrites line breaks).
 *
 * The boundary is `options.boundary` (RFC 2046; an error if it occurs in a part) or a
 * generated one, drawn from `options.seed` or, without a seed, from
 * `crypto.getRandomValues`, and redrawn until it occurs in no part. `api` and the
 * signature work as in `encodeForm`.
 */
export function encodeMultipart(api: DaokeApiName | null, params: Params, secret: string, options?: EncodeMultipartOptions): MultipartBody;

/**
 * Signs with YTX's scheme (spec §6): `sign` is the upper-case MD5 of
 * `accountSID + authToken + timestamp`, `authorization` the Base64 of
 * `accountSID|timestamp`. The timestamp (`yyyyMMddHHmmss`, UTC+8) is used as given; the
 * same one must go into both. `stringToSign` shows the token as `<authToken>`.
 */
export function ytxSign(accountSID: string, authToken: string, timestamp: string): YtxSignResult;

/**
 * The inviteMeeting JSON body (spec §6, inviteMeeting.md), compact, keys in this order:
 * `{"action":…,"appid":…,"confid":…,"parties":"[…]","CustomParm":…}`. `parties` is sent
 * as the JSON text of the array (a string inside the JSON), `CustomParm` only when
 * `customParm` is given, `action` defaults to `inviteJoinMeeting`; non-ASCII is raw UTF-8.
 *
 * Send it with `Content-Type: application/json;charset=utf-8`, `Accept: application/json`
 * and the `authorization` of `ytxSign` to
 * `/{version}/sid/{accountSID}/call/TeleMeeting.wx?Sign={sign}`.
 */
export function encodeInviteMeeting(input: InviteMeetingBodyInput): string;

/** What `init` accepts: where to fetch the module from, or its bytes, or the compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` accepts: the module's bytes or the compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * The module's own exports (signkit's internal protocol, crate/src/wasm/signer/): memory,
 * the input buffer, and one function per call, over addresses and lengths in memory.
 */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
  readonly buffer_alloc: (size: number) => number;
  readonly buffer_free: (buffer: number, size: number) => void;
  readonly output: () => number;
  readonly daoke_api: (api: number) => number;
  readonly daoke_sign: (buffer: number, length: number, pairs: number, reveal: number) => number;
  readonly encode_form: (buffer: number, length: number, pairs: number, api: number, reveal: number) => number;
  readonly encode_multipart: (
    buffer: number,
    length: number,
    pairs: number,
    api: number,
    reveal: number,
    boundary: number,
    files: number,
    seedHigh: number,
    seedLow: number,
  ) => number;
  readonly ytx_sign: (buffer: number, length: number) => number;
  readonly invite_meeting_body: (buffer: number, length: number, parties: number, customParm: number, action: number) => number;
}

/**
 * Instantiates the module from `{ module }`: its bytes or a compiled `WebAssembly.Module`
 * (passing them directly still works). Returns the module's exports; a second call returns
 * those of the first.
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Fetches and instantiates the module: `signkit_bg.wasm` next to this file, or
 * `{ module_or_path }` — a URL or request to fetch, a `Response`, the bytes or a compiled
 * module (passing it directly still works). Call it once before the other functions.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

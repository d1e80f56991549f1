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

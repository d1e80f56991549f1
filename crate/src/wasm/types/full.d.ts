/** A daoke body encoding. */
export type Encoding = "form-urlencoded" | "multipart";

/** The YTX platform a request is for: `sandbox.ytx.net` or `api.ytx.net`. */
export type YtxEnvironment = "sandbox" | "production";

/** Options of `buildDaokeRequest`. */
export interface BuildDaokeOptions {
  /** Default: the endpoint's (multipart for inviteUserJoin, else form-urlencoded). */
  encoding?: Encoding;
  /** A fixed multipart boundary (RFC 2046: 1–70 characters); default: generated. */
  boundary?: string;
  /** File parts (multipart only, at most one). */
  files?: ReadonlyArray<FilePart>;
  /** The request path; default the endpoint's; required when `api` is `null`. */
  path?: string;
  /** The `Host` of the request; default `api.daoke.io`. */
  host?: string;
  /** Where `url` and `curl` send the request; default `http://{host}`. */
  baseUrl?: string;
  /** Seed of a generated boundary (same seed, same boundary); default: random. */
  seed?: number | bigint;
  /** Show the app secret in `stringToSign` (default: replaced by `<secret>`). */
  revealSecret?: boolean;
  /** Validate first (default `true`): an ERROR finding throws `validation-failed`. */
  validate?: boolean;
}

/** What every builder returns about the HTTP request. */
export interface PreparedRequest {
  method: "POST";
  /** The `Host` header. */
  host: string;
  /** Path and query. */
  path: string;
  /** `baseUrl` + `path`. */
  url: string;
  /** The `Content-Type` header. */
  contentType: string;
  /** The headers to send, in order (`Host` and `Content-Length` are left to `fetch`). */
  headers: Array<[string, string]>;
  /** The raw HTTP/1.1 request as text (non-UTF-8 file bytes shown as U+FFFD). */
  raw: string;
  /** A POSIX-shell `curl` command that sends exactly these bytes to `baseUrl`. */
  curl: string;
}

/** The result of `buildDaokeRequest`. */
export interface DaokeRequest extends PreparedRequest, DaokeSignResult {
  /** The exact body bytes (a fresh buffer, accepted by `fetch` as it is; TypeScript ≥ 5.7). */
  body: Uint8Array<ArrayBuffer>;
  /** Every finding of the validator (WARNs; ERRORs too with `validate: false`). */
  findings: Finding[];
}

/** The input of `buildInviteMeeting`. */
export interface InviteMeetingInput extends InviteMeetingBodyInput {
  accountSID: string;
  authToken: string;
  /** Default `201612`. */
  version?: string;
  /** `yyyyMMddHHmmss` in UTC+8; default: `clock`. */
  timestamp?: string;
  /** The current time, `yyyyMMddHHmmss` in UTC+8; default: now. */
  clock?: string;
  /** Default `sandbox`. */
  environment?: YtxEnvironment;
  /** Where `url` and `curl` send the request; default `http://{host}`. */
  baseUrl?: string;
  /** Validate first (default `true`): an ERROR finding throws `validation-failed`. */
  validate?: boolean;
}

/** The result of `buildInviteMeeting`. */
export interface InviteMeetingRequest extends PreparedRequest, YtxSignResult {
  /** The compact JSON body. */
  body: string;
  /** The timestamp used in `sign` and `authorization`. */
  timestamp: string;
  /** Every finding of the validator (WARNs; ERRORs too with `validate: false`). */
  findings: Finding[];
}

/** A request that cannot be built as asked (the bytes would be wrong or ambiguous). */
export type BuildErrorCode =
  | EncodeErrorCode
  | "missing-path"
  | "invalid-path"
  | "invalid-host"
  | "files-need-multipart";

/** How serious a finding is. */
export type Severity = "error" | "warn";

/** Which side disagrees (spec §3.1). */
export type FindingClass = "both" | "request" | "server-only" | "seed-only" | "advisory" | "seed";

/** What the validator reports about one parameter. */
export interface Finding {
  /** The parameter name. */
  field: string;
  severity: Severity;
  class: FindingClass;
  /** The rule's id, e.g. `appKey.format` or `request.repeatedName`. */
  rule: string;
  /** The error code the server answers with, where known. */
  serverCode: string | null;
  /** What is wrong and what to do. */
  messages: Bilingual;
}

/** Options of `validate`. */
export interface ValidateOptions {
  /** `build` (default): the list the builder sends; `raw`: a list sent as it is. */
  mode?: "build" | "raw";
  /** The current time, `yyyyMMddHHmmss` in UTC+8, for the YTX timestamp window; default: now. */
  clock?: string;
}

/** Errors about validation. */
export type ValidationErrorCode = "validation-failed" | "internal";

export interface SignkitError {
  /** With `validation-failed`: the findings, ERRORs among them. */
  findings?: Finding[];
}

/** Whether a parameter must be given. */
export type Requirement = "required" | "seedRequired" | "optional" | "builderDefault";

/** A set of ASCII characters. */
export type CharClass = "digits" | "lowerHex" | "alphanumeric" | "word";

/** What kind of value a parameter holds (the input widget a form uses). */
export type ParamKind =
  | { type: "text" }
  | { type: "longText" }
  | { type: "digits" }
  | { type: "accountId" }
  | { type: "accountIdList" }
  | { type: "flag" }
  | { type: "url" }
  | { type: "token" }
  | { type: "secret" }
  | { type: "tags"; maxTags: number; maxChars: number }
  | { type: "parties" }
  | { type: "timestamp" }
  | { type: "version" };

/** A live counter for an input. */
export interface Limit {
  unit: "chars" | "serverUnits" | "bytes";
  max: number;
}

/** A condition on one parameter's canonical value (or its absence). */
export type Check =
  | "missing"
  | "present"
  | "empty"
  | "sqlBreaking"
  | "hasBackslash"
  | "notUrl"
  | "flagRejected"
  | "flagVersionDependent"
  | "flagPointOne"
  | "flagNonCanonical"
  | "notANumber"
  | "noListItems"
  | "emptyListItems"
  | "duplicateListItems"
  | "noCallbackHostPort"
  | "callbackPathEmpty"
  | "notBeijingTime"
  | "partiesNotJsonArray"
  | "partiesEmpty"
  | "partyMalformed"
  | "partyPhoneUnusual"
  | "partyExtraKeys"
  | { notMatching: string }
  | { hasCharOutside: CharClass }
  | { firstCharIn: CharClass }
  | { charsOver: number }
  | { charsUnder: number }
  | { charsExactly: number }
  | { serverUnitsOver: number }
  | { serverUnitsUnder: number }
  | { bytesOver: number }
  | { bytesUnder: number }
  | { contains: string }
  | { notStartingWith: { prefix: string; caseSensitive: boolean } }
  | { notOneOf: string[] }
  | { pathNotEndingWith: string }
  | { tailLacks: { bytes: number; anyOf: string[] } }
  | { numberOtherThan: number | null }
  | { listItemsOver: number }
  | { listItemCharsOver: number }
  | { listItemServerUnitsOver: number }
  | { listItemNotMatching: string }
  | { outsideWindow: { seconds: number } }
  | { all: Check[] }
  | { "\u0061ny": Check[] }
  | { not: Check };

/** One rule of a parameter: when `check` matches, the parameter gets this finding. */
export interface Rule {
  id: string;
  check: Check;
  severity: Severity;
  class: FindingClass;
  serverCode: string | null;
  message: Bilingual;
}

/** One parameter of an endpoint. */
export interface ParamDescription {
  name: string;
  required: Requirement;
  kind: ParamKind;
  /** A credential shared by every endpoint of the vendor. */
  credential: boolean;
  /** Mask it; keep it out of logs and previews. */
  secret: boolean;
  label: Bilingual;
  help: Bilingual;
  default: string | null;
  example: string | null;
  limit: Limit | null;
  /** The server's own limit where it counts in another unit (applyMicroChannel: server units). */
  serverLimit: Limit | null;
  /** In precedence order: the first that matches decides. */
  rules: Rule[];
}

/** One endpoint as data. */
export interface EndpointDescription {
  api: ApiName;
  vendor: "daoke" | "ytx";
  method: "POST";
  /** The request path (a template for YTX). */
  path: string;
  title: Bilingual;
  summary: Bilingual;
  defaultEncoding: Encoding | null;
  params: ParamDescription[];
  /** The seed document's sample parameters, unsigned. */
  example: Array<[string, string]>;
}

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The structured meaning of a reply. */
export type Outcome =
  | { kind: "groupCreated"; groupId: string }
  | { kind: "verified"; applicants: Array<{ accountId: string; status: number }> }
  | { kind: "channelApplied" }
  | { kind: "invited"; count: number }
  | { kind: "meetingInvited"; requestId: string }
  | { kind: "ok" }
  | { kind: "failed"; code: string; detail: string | null }
  | { kind: "unrecognised"; reason: Bilingual };

/** A decoded reply. */
export interface Reply {
  vendor: "daoke" | "ytx";
  api: ApiName | null;
  /** Whether the code is exactly `"0"`. */
  ok: boolean;
  /** `ERRORCODE` / `statusCode`, when one was found. */
  code: string | null;
  outcome: Outcome;
  meaning: Bilingual;
  remedy: Bilingual;
  /** The request parameter the server blamed. */
  field: string | null;
  /** A remark about the reply's form (read by the fallback scan, undocumented shape). */
  note: Bilingual | null;
  /** daoke `RESULT`, or the whole YTX reply object. */
  result: JsonValue | null;
  /** The reply text as received. */
  raw: string;
}

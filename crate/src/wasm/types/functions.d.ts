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

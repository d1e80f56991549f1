// How a page uses the signer-only package, type-checked with `tsc --noEmit --strict` against
// pkg/signer/signkit.d.ts (tests/node/types.test.mjs). Every `@ts-expect-error` line is a
// misuse the declarations must reject.
import init, {
  daokeSign,
  encodeForm,
  encodeInviteMeeting,
  encodeMultipart,
  isSignkitError,
  ytxSign,
  type ErrorCode,
  type FormBody,
  type InviteMeetingBodyInput,
  type MultipartBody,
  type Params,
  type SignkitError,
} from "../../pkg/signer/signkit.js";

export async function main(secret: string, voice: Uint8Array): Promise<void> {
  await init();

  const params: Params = { appKey: "1111111111", accountID: "O40cml0y5p", groupName: "微密之声车队" };
  const sign: string = daokeSign(params, secret).sign;

  const form: FormBody = encodeForm("createGroup", params, secret);
  const contentType: "application/x-www-form-urlencoded" = form.contentType;
  await fetch("/weiboapi/v2/createGroup", { method: "POST", headers: { "Content-Type": contentType }, body: form.body });

  const multipart: MultipartBody = encodeMultipart("inviteUserJoin", [["appKey", "1111111111"]], secret, {
    files: [{ name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data: voice }],
    seed: 1,
  });
  await fetch("/clientcustom/v2/inviteUserJoin", {
    method: "POST",
    headers: { "Content-Type": multipart.contentType },
    body: multipart.body,
  });

  const { sign: ytx, authorization } = ytxSign("sid", secret, "20161212093000");
  const input: InviteMeetingBodyInput = { appid: "a", confid: "c", parties: [{ name: "张三", phone: "15000000804" }] };
  const body: string = encodeInviteMeeting(input);

  try {
    encodeForm(null, params, secret);
  } catch (caught) {
    if (!isSignkitError(caught)) throw caught;
    const error: SignkitError = caught;
    const code: ErrorCode = error.code;
    console.log(code, error.field, error.messages.zh);
  }
  console.log(sign, ytx, authorization, body);

  // @ts-expect-error inviteMeeting is not a daoke endpoint
  encodeForm("inviteMeeting", params, secret);
  // @ts-expect-error encodeForm has no multipart options
  encodeForm(null, params, secret, { boundary: "b" });
  // @ts-expect-error the signer-only package has no validator
  const failed: ErrorCode = "validation-failed";
  // @ts-expect-error the multipart body is bytes
  const text: string = multipart.body;
  // @ts-expect-error credentials are not part of the body
  encodeInviteMeeting({ ...input, accountSID: "sid" });
  console.log(failed, text);
}

// How an application uses the package, type-checked with `tsc --noEmit --strict` against
// the generated pkg/signkit.d.ts (tests/node/types.test.mjs). Every `@ts-expect-error` line
// is a misuse the declarations must reject: if one compiled, tsc would report the unused
// directive and the test would fail.
import init, {
  buildDaokeRequest,
  buildInviteMeeting,
  daokeSign,
  decodeReply,
  encodeForm,
  endpoints,
  isSignkitError,
  validate,
  ytxSign,
  type ApiName,
  type DaokeRequest,
  type EndpointDescription,
  type Finding,
  type InviteMeetingRequest,
  type Outcome,
  type Params,
  type Reply,
  type SignkitError,
} from "../../pkg/signkit.js";

export async function main(secret: string): Promise<void> {
  await init();

  const pairs: Params = [
    ["appKey", "1111111111"],
    ["accountID", "O40cml0y5p"],
  ];
  const signed = daokeSign(pairs, secret, { revealSecret: false });
  const sign: string = signed.sign;
  const keys: string[] = signed.sortedKeys;
  daokeSign({ appKey: "1111111111" }, secret);

  const request: DaokeRequest = buildDaokeRequest("createGroup", pairs, secret, {
    encoding: "form-urlencoded",
    seed: 42n,
    validate: true,
  });
  const body: Uint8Array<ArrayBuffer> = request.body;
  const headers: Array<[string, string]> = request.headers;
  await fetch(request.url, { method: request.method, headers, body });
  const warnings: Finding[] = request.findings.filter((finding) => finding.severity === "warn");
  const codes: Array<string | null> = warnings.map((finding) => finding.serverCode);

  buildDaokeRequest(null, pairs, secret, {
    path: "/weiboapi/v2/createGroup",
    encoding: "multipart",
    boundary: "----b",
    files: [{ name: "voiceFile", filename: "a.amr", contentType: "audio/amr", data: new Uint8Array(4) }],
  });

  const meeting: InviteMeetingRequest = buildInviteMeeting({
    accountSID: "abcdefghijklmnopqrstuvwxyz012345",
    authToken: secret,
    appid: "ff8080813fc70a7b013fc72312324213",
    confid: "002",
    parties: [{ name: "张三", phone: "15000000804" }],
    environment: "production",
  });
  const json: string = meeting.body;
  const { authorization } = ytxSign("sid", secret, meeting.timestamp);

  const form = encodeForm("createGroup", pairs, secret);
  const formBody: string = form.body;
  console.log(formBody, form.sign === request.sign);

  const api: ApiName = "inviteMeeting";
  const findings: Finding[] = validate(api, [["appid", ""]], { mode: "raw", clock: "20161212093000" });
  validate(null, { a: "1" });

  const reply: Reply = decodeReply("createGroup", '{"ERRORCODE":"0", "RESULT":{"groupID":"x"}}');
  const outcome: Outcome = reply.outcome;
  if (outcome.kind === "groupCreated") {
    const id: string = outcome.groupId;
    console.log(id);
  } else if (outcome.kind === "failed") {
    const detail: string | null = outcome.detail;
    console.log(detail);
  }

  const all: EndpointDescription[] = endpoints();
  for (const endpoint of all) {
    for (const param of endpoint.params) {
      const max: number | undefined = param.limit?.max;
      for (const rule of param.rules) {
        if (typeof rule.check === "object" && "notMatching" in rule.check) {
          const pattern: string = rule.check.notMatching;
          console.log(pattern, max);
        }
      }
    }
  }

  try {
    buildDaokeRequest("createGroup", [], secret);
  } catch (caught) {
    // The guard narrows `unknown` to SignkitError.
    if (isSignkitError(caught) && caught.code === "validation-failed") {
      const error: SignkitError = caught;
      console.log(error.field, error.messages.zh, error.findings?.length);
    }
  }

  console.log(sign, keys, codes, json, authorization, findings);

  // @ts-expect-error parameter values are strings
  daokeSign([["tempChannelID", 123]], secret);
  // @ts-expect-error the options object is checked
  daokeSign(pairs, secret, { revealsecret: true });
  // @ts-expect-error inviteMeeting is not a daoke endpoint
  buildDaokeRequest("inviteMeeting", pairs, secret);
  // @ts-expect-error unknown encoding
  buildDaokeRequest("createGroup", pairs, secret, { encoding: "json" });
  // @ts-expect-error unknown mode
  validate("createGroup", pairs, { mode: "strict" });
  // @ts-expect-error appid is required
  buildInviteMeeting({ accountSID: "a", authToken: "b", confid: "c", parties: [] });
  // @ts-expect-error the body of a daoke request is bytes
  const text: string = request.body;
  console.log(text);
}

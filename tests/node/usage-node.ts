// How a Node program imports the package, type-checked with `tsc --noEmit --strict
// --module nodenext` inside a scratch project where the packed package is installed
// (tests/node/examples.test.mjs): the `exports` map must lead TypeScript to the right
// declarations for "signkit", "signkit/node" and "signkit/signer".
import { buildDaokeRequest, daokeSign, decodeReply, type DaokeRequest, type Reply } from "signkit/node";
import init, { encodeForm, type FormBody } from "signkit/signer";
import { validate, type Finding } from "signkit";

export async function main(secret: string): Promise<void> {
  const request: DaokeRequest = buildDaokeRequest("createGroup", { appKey: "1111111111" }, secret, { validate: false });
  const reply: Reply = decodeReply("createGroup", '{"ERRORCODE":"0","RESULT":"ok!"}');
  const sign: string = daokeSign([["appKey", "1"]], secret).sign;
  await init();
  const form: FormBody = encodeForm("createGroup", { appKey: "1" }, secret);
  const findings: Finding[] = validate("createGroup", { appKey: "x" });
  console.log(request.url, reply.ok, sign, form.body, findings.length);
  // @ts-expect-error the signer-only entry point has no builder
  const { buildDaokeRequest: missing } = await import("signkit/signer");
  console.log(missing);
}

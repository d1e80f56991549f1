// @ts-check
// Server-side signing with signkit's Node build — the recommended way: the app secret
// stays on the server, and browsers only ever see signed requests.
//
//   DAOKE_APP_SECRET=… node sign.mjs            prints the signed createGroup request
//   DAOKE_APP_SECRET=… node sign.mjs --send     also sends it (to DAOKE_BASE_URL, default
//                                               http://api.daoke.io) and decodes the reply
import { buildDaokeRequest, decodeReply } from "signkit/node";

const secret = process.env.DAOKE_APP_SECRET;
if (!secret) {
  console.error("Set DAOKE_APP_SECRET to the app secret (it is never sent, only signed with).");
  process.exit(2);
}

// Validates (a bad value throws a SignkitError with the findings), drops an empty
// callbackURL as createGroup needs, signs, and encodes the body.
const request = buildDaokeRequest(
  "createGroup",
  { appKey: "1111111111", accountID: "aaaaaaaaaa", groupName: "微密之声车队" },
  secret,
  { baseUrl: process.env.DAOKE_BASE_URL },
);
for (const finding of request.findings) console.warn(`warning: ${finding.field}: ${finding.messages.en}`);
console.log(request.raw);
console.log(`\nsign ${request.sign} over ${request.stringToSign}`); // the secret shows as <secret>

if (process.argv.includes("--send")) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const reply = decodeReply("createGroup", await response.text());
  console.log(`\nreply: ${reply.ok ? "ok" : "failed"} ${reply.code ?? ""} — ${reply.meaning.en} / ${reply.meaning.zh}`);
  if (!reply.ok) process.exitCode = 1;
}

// Generated from crate/src/wasm/messages.rs, crate/src/api.rs and crate/src/wasm/types/*.d.ts by the `wasm::signer::tables` test; do not edit.

/** The most input one call reads: UTF-16 units of text, bytes of files, one per string and element. */
export const MAX_INPUT_UNITS = 1048576;

/** The longest text a message repeats; a longer one is described by LONG_TEXT. */
export const MAX_SHOWN = 64;

/** The endpoints, numbered from 1 in this order for the wasm module. */
export const API_NAMES = ["createGroup", "verifyApplyJoiningMember", "applyMicroChannel", "inviteUserJoin", "inviteMeeting"];

/** The keys each options or input object may have. */
export const KEYS = {
  sign: ["revealSecret"],
  multipart: ["boundary", "files", "seed", "revealSecret"],
  file: ["name", "filename", "contentType", "data"],
  body: ["appid", "confid", "parties", "customParm", "action"],
  party: ["name", "phone"],
};

/** The input errors: code and message, `{0}`, `{1}`, … filled per language. */
export const ERRORS = {
  wrongType: {
    code: "wrong-type",
    en: "{0} must be {1}, but it is {2}. Pass {1} there.",
    zh: "{0} 必须是{1}，但传入的是{2}。请在此处传入{1}。",
  },
  invalidString: {
    code: "invalid-string",
    en: "{0} contains a lone surrogate (half of a UTF-16 pair, e.g. from cutting a string inside an emoji). It has no UTF-8 form, so it cannot be signed or sent. Remove it, or repair the text with String.prototype.toWellFormed().",
    zh: "{0} 含有孤立代理项（UTF-16 代理对的一半，例如在表情符号中间截断字符串所致）。它没有 UTF-8 形式，无法签名或发送。请删除它，或用 String.prototype.toWellFormed() 修复文本。",
  },
  inputTooLarge: {
    code: "input-too-large",
    en: "The input is too large: with {0} this call would read more than {1} UTF-16 code units of text and bytes of files. Requests to these APIs are small (the daoke server reads at most 8 KiB of body); send less.",
    zh: "输入过大：加上 {0}，本次调用读取的文本 UTF-16 码元与文件字节将超过 {1}。这些接口的请求都很小（道客服务器最多读取 8 KiB 的请求体）；请减少输入。",
  },
  unknownKey: {
    code: "unknown-key",
    en: "{0} has a property {1} that this function does not know, so it would be ignored. Check the spelling; the known ones are: {2}.",
    zh: "{0} 含有本函数不认识的属性 {1}，它将被忽略。请检查拼写；可用的属性为：{2}。",
  },
  unknownApi: {
    code: "unknown-api",
    en: "{0} is not an endpoint. Use one of {1}{2}; names are case-sensitive.",
    zh: "{0} 不是接口名称。请使用 {1} 之一{2}；名称区分大小写。",
  },
  invalidSeed: {
    code: "invalid-value",
    en: "{0} must be an integer from 0 to 2^53-1 (a number) or to 2^64-1 (a bigint); the same seed always generates the same multipart boundary.",
    zh: "{0} 必须是 0 到 2^53-1 的整数（number）或 0 到 2^64-1 的整数（bigint）；相同的种子总是生成相同的 multipart 分隔符。",
  },
};

/** What a value must be. */
export const EXPECTED = {
  string: {
    en: "a string",
    zh: "字符串",
  },
  uint8array: {
    en: "a Uint8Array",
    zh: "Uint8Array",
  },
  boolean: {
    en: "true or false",
    zh: "true 或 false",
  },
  plainObject: {
    en: "a plain object",
    zh: "普通对象",
  },
  array: {
    en: "an array",
    zh: "数组",
  },
  params: {
    en: "an array of [name, value] string pairs or a plain object of string values",
    zh: "由 [名称, 值] 字符串对组成的数组，或值均为字符串的普通对象",
  },
  pair: {
    en: "a [name, value] pair of two strings",
    zh: "由两个字符串组成的 [名称, 值] 对",
  },
  apiOrNull: {
    en: "an endpoint name or null",
    zh: "接口名称或 null",
  },
  seed: {
    en: "a number or a bigint",
    zh: "数字或 bigint",
  },
};

/** What a value is, by JS type. */
export const ACTUAL = {
  undefined: {
    en: "undefined (missing)",
    zh: "undefined（缺失）",
  },
  null: {
    en: "null",
    zh: "null",
  },
  string: {
    en: "a string",
    zh: "字符串",
  },
  number: {
    en: "a number",
    zh: "数字",
  },
  boolean: {
    en: "a boolean",
    zh: "布尔值",
  },
  bigint: {
    en: "a bigint",
    zh: "bigint",
  },
  symbol: {
    en: "a symbol",
    zh: "symbol",
  },
  function: {
    en: "a function",
    zh: "函数",
  },
  array: {
    en: "an array",
    zh: "数组",
  },
  uint8array: {
    en: "a Uint8Array",
    zh: "Uint8Array",
  },
  object: {
    en: "an object",
    zh: "对象",
  },
};

/** The end of the unknown-endpoint message of the daoke functions, which take null too. */
export const OR_NULL = {
    en: " (or null for a generic daoke request)",
    zh: "（或 null，表示通用道客请求）",
  };

/** A text too long to repeat in a message: `{0}` its length in characters. */
export const LONG_TEXT = {
    en: "a {0}-character text",
    zh: "一段 {0} 个字符的文本",
  };


/** A body that cannot be encoded as asked (the bytes would be wrong or ambiguous). */
export type BuildErrorCode = EncodeErrorCode;

/** The signer-only package has no validator. */
export type ValidationErrorCode = never;

//! The YTX (云讯) API: MD5 `Sign`, Base64 `Authorization`, the inviteMeeting request (spec §6).

//! `PreparedRequest`: the exact bytes that will be sent, printable as raw HTTP and as curl.

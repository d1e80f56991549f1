//! The sign doctor page's pure logic: when a reply offers "Diagnose this request", and how a
//! request is handed to the doctor.

use super::TargetKind;
use signkit::PreparedRequest;

/// The reply codes that mean "the sign does not match": daoke `ME01019`, and the sandbox's
/// `SBX008`.
pub const SIGN_MISMATCH_CODES: [&str; 2] = ["ME01019", "SBX008"];

/// Whether a reply with `code` from `target` offers "Diagnose this request": a sign mismatch
/// from a custom or vendor target (the sandboxes explain their own rejections).
pub fn offers_diagnosis(target: TargetKind, code: Option<&str>) -> bool {
    !target.is_sandbox() && code.is_some_and(|code| SIGN_MISMATCH_CODES.contains(&code))
}

/// The capture the doctor is opened with: the request exactly as sent, as raw HTTP (bytes
/// that are not UTF-8 become U+FFFD). It holds no secret: a request never carries one.
pub fn capture_of(request: &PreparedRequest) -> String {
    String::from_utf8_lossy(&request.raw()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_sign_mismatch_from_a_custom_or_vendor_target_offers_the_doctor() {
        for kind in TargetKind::ALL {
            let network = matches!(kind, TargetKind::Custom | TargetKind::Vendor);
            assert_eq!(offers_diagnosis(kind, Some("ME01019")), network, "{kind:?}");
            assert_eq!(offers_diagnosis(kind, Some("SBX008")), network, "{kind:?}");
            assert!(!offers_diagnosis(kind, Some("0")));
            assert!(!offers_diagnosis(kind, Some("ME01020")));
            assert!(!offers_diagnosis(kind, None));
        }
    }

    #[test]
    fn the_capture_is_the_raw_request() {
        let request = PreparedRequest {
            method: String::from("POST"),
            host: String::from("api.daoke.io"),
            path: String::from("/weiboapi/v2/createGroup"),
            headers: vec![(
                String::from("Content-Type"),
                String::from("application/x-www-form-urlencoded"),
            )],
            body: b"appKey=1&sign=00".to_vec(),
        };
        let capture = capture_of(&request);
        assert!(
            capture.starts_with("POST /weiboapi/v2/createGroup HTTP/1.1"),
            "{capture}"
        );
        assert!(capture.ends_with("appKey=1&sign=00"), "{capture}");
    }
}

#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| signkit_fuzz::doctor(data));

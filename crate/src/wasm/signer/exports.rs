//! The exports of the signer-only wasm module (wasm32 only): the protocol of the
//! [module](super) over raw pointers, and the one result kept until the next call.

use alloc::alloc::{alloc, dealloc, Layout};
use core::cell::UnsafeCell;

use super::calls::{self, Failure, MultipartCall, Output};

/// The result of the last call and where its parts are, for `output()`.
struct Last {
    output: UnsafeCell<Output>,
    /// Text address and byte length, layout address and length, body address and length.
    descriptor: UnsafeCell<[u32; 6]>,
}

// SAFETY: the module runs on one thread (the signer-package runtime refuses atomics), and
// no reference into the cells outlives the export that takes it.
unsafe impl Sync for Last {}

static LAST: Last = Last {
    output: UnsafeCell::new(Output {
        text: alloc::string::String::new(),
        layout: alloc::vec::Vec::new(),
        body: alloc::vec::Vec::new(),
    }),
    descriptor: UnsafeCell::new([0; 6]),
};

/// Keeps the result of a call (dropping the previous one) and returns its status.
fn keep(result: Result<Output, Failure>) -> u32 {
    let (status, output) = calls::outcome(result);
    // Addresses and lengths fit u32 on wasm32.
    let descriptor = [
        output.text.as_ptr() as u32,
        output.text.len() as u32,
        output.layout.as_ptr() as u32,
        output.layout.len() as u32,
        output.body.as_ptr() as u32,
        output.body.len() as u32,
    ];
    // SAFETY: one thread, and JS reads the cells only between calls.
    unsafe {
        *LAST.output.get() = output;
        *LAST.descriptor.get() = descriptor;
    }
    status as u32
}

/// The bytes JS wrote for a call.
///
/// # Safety
/// `input` must point at `length` initialised bytes that stay untouched during the call
/// (a buffer from [`buffer_alloc`] that JS wrote), or `length` must be 0.
unsafe fn input<'a>(input: *const u8, length: usize) -> &'a [u8] {
    if length == 0 {
        &[]
    } else {
        // SAFETY: the caller's contract.
        unsafe { core::slice::from_raw_parts(input, length) }
    }
}

/// The layout of an input buffer of `size` bytes (byte-aligned: pieces are read bytewise).
fn buffer_layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.max(1), 1).ok()
}

/// A buffer of `size` bytes for a call's input, or 0 when memory is exhausted.
#[no_mangle]
pub extern "C" fn buffer_alloc(size: usize) -> *mut u8 {
    match buffer_layout(size) {
        // SAFETY: the layout's size is not zero.
        Some(layout) => unsafe { alloc(layout) },
        None => core::ptr::null_mut(),
    }
}

/// Frees a buffer from [`buffer_alloc`].
///
/// # Safety
/// `buffer` must come from `buffer_alloc(size)` and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn buffer_free(buffer: *mut u8, size: usize) {
    if let Some(layout) = buffer_layout(size) {
        // SAFETY: the caller's contract.
        unsafe { dealloc(buffer, layout) }
    }
}

/// Where the last call's result is: six `u32`s (see the [module](super)).
#[no_mangle]
pub extern "C" fn output() -> *const u32 {
    LAST.descriptor.get().cast()
}

/// Refuses a YTX endpoint given to a daoke function.
#[no_mangle]
pub extern "C" fn daoke_api(api: u32) -> u32 {
    keep(calls::check_daoke_api(api))
}

/// `daokeSign`.
///
/// # Safety
/// As [`input`].
#[no_mangle]
pub unsafe extern "C" fn daoke_sign(
    buffer: *const u8,
    length: usize,
    pairs: u32,
    reveal: u32,
) -> u32 {
    // SAFETY: the caller's contract.
    let input = unsafe { input(buffer, length) };
    keep(calls::daoke_sign(input, pairs, reveal != 0))
}

/// `encodeForm`.
///
/// # Safety
/// As [`input`].
#[no_mangle]
pub unsafe extern "C" fn encode_form(
    buffer: *const u8,
    length: usize,
    pairs: u32,
    api: u32,
    reveal: u32,
) -> u32 {
    // SAFETY: the caller's contract.
    let input = unsafe { input(buffer, length) };
    keep(calls::encode_form(input, pairs, api, reveal != 0))
}

/// `encodeMultipart`; the seed comes as its high and low 32 bits.
///
/// # Safety
/// As [`input`].
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the protocol's numbers, as JS passes them
pub unsafe extern "C" fn encode_multipart(
    buffer: *const u8,
    length: usize,
    pairs: u32,
    api: u32,
    reveal: u32,
    boundary: u32,
    files: u32,
    seed_high: u32,
    seed_low: u32,
) -> u32 {
    // SAFETY: the caller's contract.
    let input = unsafe { input(buffer, length) };
    let call = MultipartCall {
        pairs,
        api,
        reveal: reveal != 0,
        boundary: boundary != 0,
        files,
        seed: (u64::from(seed_high) << 32) | u64::from(seed_low),
    };
    keep(calls::encode_multipart(input, &call))
}

/// `ytxSign`.
///
/// # Safety
/// As [`input`].
#[no_mangle]
pub unsafe extern "C" fn ytx_sign(buffer: *const u8, length: usize) -> u32 {
    // SAFETY: the caller's contract.
    let input = unsafe { input(buffer, length) };
    keep(calls::ytx_sign(input))
}

/// `encodeInviteMeeting`.
///
/// # Safety
/// As [`input`].
#[no_mangle]
pub unsafe extern "C" fn invite_meeting_body(
    buffer: *const u8,
    length: usize,
    parties: u32,
    custom_parm: u32,
    action: u32,
) -> u32 {
    // SAFETY: the caller's contract.
    let input = unsafe { input(buffer, length) };
    keep(calls::invite_meeting_body(
        input,
        parties,
        custom_parm != 0,
        action != 0,
    ))
}

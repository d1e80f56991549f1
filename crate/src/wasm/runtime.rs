//! The runtime of the signer-only package's wasm module (feature `signer-package`): the
//! crate is `no_std` there, and this module supplies what `std` would.
//!
//! * **Panics trap.** Nothing in signkit panics on any input (bad input is a structured
//!   error), so a panic can only be a bug; trapping (`unreachable`, a `RuntimeError` in JS)
//!   instead of formatting a message keeps std's panic machinery and `core::fmt` — several
//!   kilobytes — out of the module.
//! * **A size-class allocator.** Every call of the package allocates a few short-lived
//!   blocks and frees them before it returns, with sizes that repeat from call to call.
//!   Blocks of 2^k bytes, one free list per k, serve that in a few dozen instructions and
//!   about 300 bytes of code, where dlmalloc costs 8 KB. Freed blocks are reused for the
//!   same size class and never merged, so memory is bounded by the peak use of each class
//!   (at most twice the bytes asked for, plus alignment padding); the input budget of the JS
//!   API keeps those peaks small.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::{Cell, UnsafeCell};
use core::ptr::null_mut;

#[cfg(target_feature = "atomics")]
compile_error!("the signer-package allocator is single-threaded: build without atomics");

/// A panic is a bug in signkit: stop with a trap rather than format a message.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    wasm32::unreachable()
}

#[global_allocator]
static ALLOCATOR: SizeClasses = SizeClasses::new();

/// The smallest block: room for the free-list link, and 16-byte alignment for every type.
const MIN_BLOCK: usize = 16;

/// Blocks are aligned to their size up to this (a wasm page); larger alignments are refused.
const MAX_ALIGN: usize = 65_536;

/// Size classes 2^4 … 2^31 bytes.
const CLASSES: usize = 28;

/// The wasm page size, the unit of `memory.grow`.
const PAGE: usize = 65_536;

/// Free lists of blocks of 2^k bytes, and the bump region new blocks are cut from.
struct SizeClasses {
    /// The first free block of each class; each free block starts with the next one's address.
    free: UnsafeCell<[*mut u8; CLASSES]>,
    /// Where the next new block may start.
    next: Cell<usize>,
    /// The end of the memory grown so far for new blocks.
    end: Cell<usize>,
}

// SAFETY: wasm32 without the atomics feature (refused above) runs one thread, so the cells
// are never accessed concurrently.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    const fn new() -> Self {
        SizeClasses {
            free: UnsafeCell::new([null_mut(); CLASSES]),
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }

    /// The class of `layout` (its block is 2^(class + 4) bytes), or `None` when no class
    /// can hold it.
    fn class(layout: Layout) -> Option<usize> {
        if layout.align() > MAX_ALIGN {
            return None;
        }
        let block = layout
            .size()
            .max(layout.align())
            .max(MIN_BLOCK)
            .checked_next_power_of_two()?;
        let class = block.trailing_zeros() as usize - MIN_BLOCK.trailing_zeros() as usize;
        (class < CLASSES).then_some(class)
    }

    /// A new block of `size` bytes (a power of two) aligned to `min(size, MAX_ALIGN)`, cut
    /// from the bump region, which grows by whole pages when needed. Null when memory
    /// cannot grow.
    fn bump(&self, size: usize) -> *mut u8 {
        let align = size.min(MAX_ALIGN);
        let fits = |next: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            let end = start.checked_add(size)?;
            (end <= self.end.get()).then_some((start, end))
        };
        let (start, end) = match fits(self.next.get()) {
            Some(block) => block,
            None => {
                let Some(pages) = size.checked_add(align).map(|bytes| bytes.div_ceil(PAGE)) else {
                    return null_mut();
                };
                let old_pages = wasm32::memory_grow(0, pages);
                if old_pages == usize::MAX {
                    return null_mut();
                }
                let region = old_pages * PAGE;
                if region != self.end.get() {
                    // Someone else grew memory in between: start at the new region.
                    self.next.set(region);
                }
                self.end.set(region + pages * PAGE);
                match fits(self.next.get()) {
                    Some(block) => block,
                    None => return null_mut(),
                }
            }
        };
        self.next.set(end);
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class(layout) else {
            return null_mut();
        };
        // SAFETY: one thread (see `Sync`), and no reference into `free` outlives this call.
        let free = unsafe { &mut *self.free.get() };
        let head = free[class];
        if head.is_null() {
            return self.bump(MIN_BLOCK << class);
        }
        // SAFETY: `head` is a free block of this class, whose first word `dealloc` set to
        // the next free block.
        free[class] = unsafe { head.cast::<*mut u8>().read() };
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // `ptr` came from `alloc` with this layout, so the class exists.
        let Some(class) = Self::class(layout) else {
            return;
        };
        // SAFETY: one thread; the block is at least MIN_BLOCK bytes, aligned for a pointer,
        // and no longer used by its owner, so its first word can hold the list link.
        unsafe {
            let free = &mut *self.free.get();
            ptr.cast::<*mut u8>().write(free[class]);
            free[class] = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        if Self::class(new_layout) == Self::class(layout) {
            // The block already has room (a vector growing within its power of two).
            return ptr;
        }
        // SAFETY: the caller's contract for `realloc` covers `alloc` with the new layout,
        // the copy of the old contents and the `dealloc` of the old block.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                ptr.copy_to_nonoverlapping(new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

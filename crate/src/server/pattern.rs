//! A tiny backtracking matcher over bytes, with greedy and lazy quantifiers and captures.
//!
//! The vendor's multipart parser (spec §5.3) is a handful of Lua patterns. This module
//! reproduces their semantics — leftmost match, backtracking in priority order, `.-` =
//! shortest — for exactly the constructs those patterns use, without the `regex` crate
//! (the in-browser build must stay small).
//!
//! Cost: a failed (piece, position) state is remembered for the whole scan (a failure does
//! not depend on where the attempt started, as there are no anchors or back-references),
//! so a scan does at most `pieces × (n + 1)` state evaluations, each looping over at most
//! `n + 1` repetition counts.

/// A set of bytes a repeated piece may consume.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Any byte (Lua `.`).
    Any,
    /// Space, `\t`, `\n`, `\v`, `\f`, `\r` (Lua `%s` in the C locale).
    Space,
    /// `[A-Za-z0-9_]`.
    Word,
    /// `[A-Za-z0-9/-]` (a media type).
    MediaType,
}

impl Class {
    fn contains(self, b: u8) -> bool {
        match self {
            Class::Any => true,
            Class::Space => matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
            Class::Word => b.is_ascii_alphanumeric() || b == b'_',
            Class::MediaType => b.is_ascii_alphanumeric() || b == b'/' || b == b'-',
        }
    }
}

/// One element of a pattern.
#[derive(Clone, Copy, Debug)]
pub enum Piece<'p> {
    /// These exact bytes.
    Lit(&'p [u8]),
    /// `min..=max` bytes of `class`; `lazy` tries the fewest first (Lua `-`), otherwise the
    /// most first (Lua `+`, `*`, `?`).
    Repeat {
        /// The bytes it may consume.
        class: Class,
        /// Fewest repetitions.
        min: usize,
        /// Most repetitions (`usize::MAX` for unbounded).
        max: usize,
        /// Shortest first.
        lazy: bool,
    },
    /// Start of capture `n`.
    Open(usize),
    /// End of capture `n`.
    Close(usize),
}

impl Piece<'_> {
    /// `class?` (greedy: one if possible).
    pub const fn optional(class: Class) -> Self {
        Piece::Repeat {
            class,
            min: 0,
            max: 1,
            lazy: false,
        }
    }

    /// `class+` (greedy).
    pub const fn one_or_more(class: Class) -> Self {
        Piece::Repeat {
            class,
            min: 1,
            max: usize::MAX,
            lazy: false,
        }
    }

    /// `.-` (any bytes, shortest first).
    pub const fn shortest() -> Self {
        Piece::Repeat {
            class: Class::Any,
            min: 0,
            max: usize::MAX,
            lazy: true,
        }
    }
}

/// The byte ranges of the captures of one match.
pub type Captures = Vec<core::ops::Range<usize>>;

/// A compiled pattern: its pieces and the number of captures they open.
pub struct Pattern<'p> {
    pieces: Vec<Piece<'p>>,
    captures: usize,
}

impl<'p> Pattern<'p> {
    /// A pattern from its pieces (every `Open(n)` must have a matching `Close(n)`).
    pub fn new(pieces: Vec<Piece<'p>>) -> Self {
        let captures = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Open(n) => Some(n + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        Pattern { pieces, captures }
    }

    /// The first match anywhere in `subject` (Lua `string.match`): its captures.
    pub fn find(&self, subject: &[u8]) -> Option<Captures> {
        self.scan(subject, true).into_iter().next()
    }

    /// Successive non-overlapping matches from the start of `subject` (Lua `gmatch`).
    pub fn find_all(&self, subject: &[u8]) -> Vec<Captures> {
        self.scan(subject, false)
    }

    fn scan(&self, subject: &[u8], first_only: bool) -> Vec<Captures> {
        let mut search = Search {
            pieces: &self.pieces,
            subject,
            captures: vec![0..0; self.captures],
            failed: vec![0; (self.pieces.len() * (subject.len() + 1)).div_ceil(64)],
        };
        let mut found = Vec::new();
        let mut start = 0;
        while start <= subject.len() {
            match search.run(0, start) {
                Some(end) => {
                    found.push(search.captures.clone());
                    if first_only {
                        break;
                    }
                    start = if end > start { end } else { start + 1 };
                }
                None => start += 1,
            }
        }
        found
    }
}

struct Search<'s, 'p> {
    pieces: &'s [Piece<'p>],
    subject: &'s [u8],
    captures: Captures,
    /// Bit `piece * (n + 1) + pos`: the rest of the pattern from `piece` fails at `pos`.
    failed: Vec<u64>,
}

impl Search<'_, '_> {
    fn memo_index(&self, piece: usize, pos: usize) -> usize {
        piece * (self.subject.len() + 1) + pos
    }

    fn known_to_fail(&self, piece: usize, pos: usize) -> bool {
        let i = self.memo_index(piece, pos);
        self.failed
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    fn remember_failure(&mut self, piece: usize, pos: usize) {
        let i = self.memo_index(piece, pos);
        if let Some(word) = self.failed.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    /// Matches the pieces from `piece` on at `pos`; the end of the match on success.
    /// Recursion depth is bounded by the number of pieces.
    fn run(&mut self, piece: usize, pos: usize) -> Option<usize> {
        let Some(&current) = self.pieces.get(piece) else {
            return Some(pos);
        };
        if self.known_to_fail(piece, pos) {
            return None;
        }
        let result = match current {
            Piece::Lit(bytes) => match self.subject.get(pos..) {
                Some(rest) if rest.starts_with(bytes) => self.run(piece + 1, pos + bytes.len()),
                _ => None,
            },
            Piece::Open(n) => self.with_capture_bound(n, true, piece, pos),
            Piece::Close(n) => self.with_capture_bound(n, false, piece, pos),
            Piece::Repeat {
                class,
                min,
                max,
                lazy,
            } => {
                let available = self
                    .subject
                    .get(pos..)
                    .unwrap_or_default()
                    .iter()
                    .take(max)
                    .take_while(|&&b| class.contains(b))
                    .count();
                if available < min {
                    None
                } else if lazy {
                    (min..=available).find_map(|count| self.run(piece + 1, pos + count))
                } else {
                    (min..=available)
                        .rev()
                        .find_map(|count| self.run(piece + 1, pos + count))
                }
            }
        };
        if result.is_none() {
            self.remember_failure(piece, pos);
        }
        result
    }

    fn with_capture_bound(
        &mut self,
        n: usize,
        start: bool,
        piece: usize,
        pos: usize,
    ) -> Option<usize> {
        let saved = self.captures.get(n)?.clone();
        if let Some(range) = self.captures.get_mut(n) {
            if start {
                range.start = pos;
            } else {
                range.end = pos;
            }
        }
        let result = self.run(piece + 1, pos);
        if result.is_none() {
            if let Some(range) = self.captures.get_mut(n) {
                *range = saved;
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(subject: &'a [u8], captures: &Captures) -> Vec<&'a [u8]> {
        captures.iter().map(|r| &subject[r.clone()]).collect()
    }

    #[test]
    fn lazy_capture_takes_the_shortest_value() {
        // x(.-)y
        let p = Pattern::new(vec![
            Piece::Lit(b"x"),
            Piece::Open(0),
            Piece::shortest(),
            Piece::Close(0),
            Piece::Lit(b"y"),
        ]);
        let s = b"..xaybyxcy";
        let all = p.find_all(s);
        assert_eq!(all.len(), 2);
        assert_eq!(texts(s, &all[0]), vec![&b"a"[..]]);
        assert_eq!(texts(s, &all[1]), vec![&b"c"[..]]);
    }

    #[test]
    fn greedy_backtracks_and_optional_prefers_one() {
        // a(%w+)b  on "aXbYb": greedy takes "XbY" then backtracks to the last b.
        let p = Pattern::new(vec![
            Piece::Lit(b"a"),
            Piece::Open(0),
            Piece::one_or_more(Class::Any),
            Piece::Close(0),
            Piece::Lit(b"b"),
        ]);
        let s = b"aXbYb";
        assert_eq!(texts(s, &p.find(s).unwrap()), vec![&b"XbY"[..]]);
        // :%s?(x)  matches ": x" and ":x"
        let q = Pattern::new(vec![
            Piece::Lit(b":"),
            Piece::optional(Class::Space),
            Piece::Open(0),
            Piece::Lit(b"x"),
            Piece::Close(0),
        ]);
        assert!(q.find(b": x").is_some());
        assert!(q.find(b":x").is_some());
        assert!(q.find(b":  x").is_none());
    }

    #[test]
    fn failure_memo_keeps_pathological_inputs_fast() {
        // (.-)a(.-)a(.-)b over a long run of 'a' without 'b': polynomial blow-up without memo.
        let p = Pattern::new(vec![
            Piece::shortest(),
            Piece::Lit(b"a"),
            Piece::shortest(),
            Piece::Lit(b"a"),
            Piece::shortest(),
            Piece::Lit(b"b"),
        ]);
        let s = vec![b'a'; 3000];
        assert!(p.find_all(&s).is_empty());
    }

    #[test]
    fn empty_subject_and_empty_pattern() {
        assert_eq!(Pattern::new(vec![]).find(b"").map(|c| c.len()), Some(0));
        assert!(Pattern::new(vec![Piece::Lit(b"a")]).find(b"").is_none());
    }
}

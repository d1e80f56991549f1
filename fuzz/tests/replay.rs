//! Replays the committed corpora: every file of `fuzz/corpus/<target>/` (the campaign's
//! minimised corpus) and of `fuzz/regressions/<target>/` (inputs that once broke an
//! invariant, kept after the fix) through the target's body — the function the libFuzzer
//! binary calls. Deterministic and fast: no fuzzing, only the saved inputs.

use std::path::{Path, PathBuf};

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

fn replay(name: &str) {
    let target = signkit_fuzz::TARGETS
        .iter()
        .find(|target| target.name == name)
        .expect("a known target");
    let corpus = inputs("corpus", name);
    assert!(
        !corpus.is_empty(),
        "fuzz/corpus/{name}/ is empty or missing: run ./dev fuzz {name}"
    );
    for path in corpus.iter().chain(&inputs("regressions", name)) {
        let data = std::fs::read(path).expect("a readable corpus file");
        // A panic names the file: rerun it with the libFuzzer binary or this test.
        eprintln!("replaying {}", path.display());
        (target.run)(&data);
    }
}

macro_rules! replay_tests {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { replay(stringify!($name)); })*

        #[test]
        fn every_target_is_replayed() {
            let replayed = [$(stringify!($name)),*];
            let targets: Vec<&str> = signkit_fuzz::TARGETS.iter().map(|t| t.name).collect();
            assert_eq!(targets, replayed);
        }
    };
}

replay_tests!(
    wire,
    server_parsers,
    sandbox_handle,
    decode_reply,
    validate_build,
    form_roundtrip,
    multipart_roundtrip,
    doctor,
);

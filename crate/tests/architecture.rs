//! ARCHITECTURE.md stays true: every path, crate, feature, module and Rust item it names
//! exists, and what it says a crate is built on is that crate's dependency.
//!
//! What is checked, in ARCHITECTURE.md as a whole:
//! - every backticked path (a token with `/` or a file extension) names a file or folder of
//!   the repository (a full path from the root, or the end of one: `wire.rs`, `src/wasm/`);
//! - every backticked Rust path (`daoke::canonical_params`, `Sandbox::handle`) and CamelCase
//!   name (`Params`) is defined in the workspace's sources (each segment: a module, type,
//!   trait, function, constant or variant);
//!
//! and table by table:
//! - **Crates**: the folder has a `Cargo.toml` whose package is the named crate, with the
//!   targets the row says (`lib`, `bin`, `cdylib`); `X for …` in the row names a dependency
//!   of that crate, `no X` names a crate that is not one;
//! - **Cargo features**: exactly the features of `crate/Cargo.toml`;
//! - **Modules**: every row is a module file of `crate/src`, every module of `lib.rs` has a
//!   row, and every file of `src/wasm/` is named in the `wasm` row.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn architecture() -> String {
    read(&root().join("ARCHITECTURE.md"))
}

/// Every file and folder of the repository (relative, with `/`), minus build output and
/// dependencies.
fn repository_paths() -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if matches!(
                name.as_str(),
                "target" | "node_modules" | ".git" | "pkg" | "dist" | "work"
            ) {
                continue;
            }
            let path = format!("{prefix}{name}");
            if entry.path().is_dir() {
                out.push(format!("{path}/"));
                walk(&entry.path(), &format!("{path}/"), out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), "", &mut out);
    out
}

/// The text between backticks.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The rows (cells trimmed) of the table under the heading that starts with `heading`.
fn table(text: &str, heading: &str) -> Vec<Vec<String>> {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with(heading))
        .skip(1);
    let rows: Vec<Vec<String>> = lines
        .by_ref()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect();
    assert!(rows.len() > 2, "no table under {heading:?}");
    // Header and separator rows.
    rows.into_iter().skip(2).collect()
}

fn is_path(token: &str) -> bool {
    let extensions = [
        ".rs", ".md", ".json", ".html", ".toml", ".mjs", ".js", ".lock",
    ];
    !token.contains(' ')
        && !token.contains("::")
        && !token.starts_with("/_")
        // App routes (`#/doctor`) and placeholders (`<module>.js`), not files.
        && !token.starts_with('#')
        && !token.contains('<')
        // npm import specifiers of the package (`signkit/node`), not files.
        && !token.starts_with("signkit/")
        && (token.contains('/') || extensions.iter().any(|ext| token.ends_with(ext)))
        && !token.starts_with('/')
}

#[test]
fn every_named_path_exists() {
    let paths = repository_paths();
    let text = architecture();
    let missing: Vec<&str> = backticked(&text)
        .into_iter()
        .filter(|token| is_path(token))
        .filter(|token| {
            let token = token.trim_start_matches("./");
            !paths
                .iter()
                .any(|path| path == token || path.ends_with(&format!("/{token}")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist: {missing:?}"
    );
}

/// Every Rust source file of the workspace's crates, concatenated.
fn workspace_sources() -> String {
    let mut text = String::new();
    for path in repository_paths() {
        let in_crate = [
            "crate/src/",
            "sandbox/src/",
            "web/src/",
            "web/sandbox-module/src/",
            "web/doctor-module/src/",
            "fuzz/src/",
        ]
        .iter()
        .any(|dir| path.starts_with(dir));
        if in_crate && path.ends_with(".rs") {
            text.push_str(&read(&root().join(&path)));
            text.push('\n');
        }
    }
    text
}

/// Whether `name` is defined in `sources` (a module, type, function, constant, variant or
/// field-less item), or is a module file.
fn defined(name: &str, sources: &str, paths: &[String]) -> bool {
    let keywords = [
        "mod", "struct", "enum", "trait", "fn", "const", "static", "type", "union",
    ];
    let item = keywords.iter().any(|keyword| {
        sources
            .match_indices(&format!("{keyword} {name}"))
            .any(|(at, found)| {
                let after = sources[at + found.len()..].chars().next();
                !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
    });
    // An enum variant: `    Name,` / `    Name(` / `    Name {` at the start of a line.
    let variant = sources.lines().any(|line| {
        let line = line.trim_start();
        line.strip_prefix(name)
            .is_some_and(|rest| rest.starts_with([',', '(', ' ', '{']) || rest.is_empty())
            && name.starts_with(char::is_uppercase)
    });
    let module = paths
        .iter()
        .any(|path| path.ends_with(&format!("/{name}.rs")) || path.ends_with(&format!("/{name}/")));
    item || variant || module
}

fn is_rust_path(token: &str) -> bool {
    let segments: Vec<&str> = token.split("::").collect();
    segments.len() > 1
        && segments.iter().all(|s| {
            !s.is_empty()
                && s.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

fn is_camel_case(token: &str) -> bool {
    token.len() > 1
        && token.starts_with(|c: char| c.is_ascii_uppercase())
        && token.chars().any(|c| c.is_ascii_lowercase())
        && token.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Names from std and from dependencies (derives) that ARCHITECTURE.md may use.
const EXTERNAL: &[&str] = &[
    "Debug",
    "Display",
    "Vec",
    "String",
    "Option",
    "Result",
    "Serialize",
    "Deserialize",
    "Tsify",
    "core",
    "std",
    // The web app's: Leptos and web-sys.
    "Action",
    "new_local",
    "web_sys",
    "Storage",
];

#[test]
fn every_named_rust_item_exists() {
    let sources = workspace_sources();
    let paths = repository_paths();
    let mut missing = BTreeSet::new();
    for token in backticked(&architecture()) {
        if token.contains('-') && !token.contains("->") {
            // A header or package name (`X-Forwarded-Host`), not Rust.
            continue;
        }
        // `Sandbox::handle(&HttpRequest, now) -> HttpResponse`: every name in it.
        let names: Vec<&str> = token
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .filter(|name| !name.is_empty())
            .collect();
        for name in names {
            let name = name.trim_matches(':');
            let segments: Vec<&str> = if is_rust_path(name) {
                name.split("::").collect()
            } else if is_camel_case(name) && !is_path(token) {
                vec![name]
            } else {
                continue;
            };
            for segment in segments {
                let known = segment == "signkit" || EXTERNAL.contains(&segment);
                if !known && !defined(segment, &sources, &paths) {
                    missing.insert(format!("{segment} (in `{token}`)"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names Rust items that are not defined: {missing:?}"
    );
}

/// `[dependencies]` (and target-specific ones) of a manifest: the package names.
fn dependencies(manifest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line.ends_with("dependencies]");
            continue;
        }
        if in_dependencies {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim();
                if !name.is_empty() && !name.starts_with('#') {
                    names.insert(name.to_owned());
                }
            }
        }
    }
    names
}

fn package_name(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[package]")
        .find_map(|line| line.trim().strip_prefix("name = "))
        .map(|name| name.trim_matches('"').to_owned())
}

#[test]
fn the_crates_table_is_true() {
    let text = architecture();
    let rows = table(&text, "## Crates");
    let mut folders = BTreeSet::new();
    for row in rows {
        let [path, krate, what] = row.as_slice() else {
            panic!("a Crates row has three cells: {row:?}");
        };
        let folder = backticked(path)
            .first()
            .copied()
            .unwrap_or_default()
            .to_owned();
        let Some(name) = backticked(krate).first().copied() else {
            // `tests/`: not a cargo package (its row says so with `—`).
            assert_eq!(krate, "—", "{row:?}");
            assert!(
                !root().join(&folder).join("Cargo.toml").exists(),
                "{folder} is a crate"
            );
            continue;
        };
        folders.insert(folder.clone());
        let manifest = read(&root().join(&folder).join("Cargo.toml"));
        assert_eq!(
            package_name(&manifest).as_deref(),
            Some(name),
            "{folder}Cargo.toml"
        );
        let dir = root().join(&folder);
        let has_lib = dir.join("src/lib.rs").exists();
        let has_bin = dir.join("src/main.rs").exists()
            || dir.join("src/bin").is_dir()
            || manifest.contains("[[bin]]");
        let kinds = krate.split_once('(').map_or("", |(_, kinds)| kinds);
        assert_eq!(
            kinds.contains("lib"),
            has_lib,
            "{name}: lib target as the row says ({krate})"
        );
        assert_eq!(
            kinds.contains("bin"),
            has_bin,
            "{name}: bin target as the row says ({krate})"
        );
        assert_eq!(
            kinds.contains("cdylib"),
            manifest.contains("cdylib"),
            "{name}: cdylib ({krate})"
        );
        // "tokio for sockets": a dependency; "no hyper": not one.
        let deps = dependencies(&manifest);
        let words: Vec<&str> = what
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            let (first, second) = (pair[0], pair[1]);
            if second == "for"
                && first
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
            {
                assert!(
                    deps.contains(first),
                    "{name}: ARCHITECTURE.md says `{first} for …`, but {first} is not a dependency"
                );
            }
            if first == "no"
                && second
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
            {
                assert!(
                    !deps.contains(second),
                    "{name}: ARCHITECTURE.md says `no {second}`, but it is a dependency"
                );
            }
        }
    }
    // Every member of the workspace has a row.
    let workspace = read(&root().join("Cargo.toml"));
    let members = workspace
        .lines()
        .find_map(|line| line.strip_prefix("members = "))
        .expect("workspace members");
    for member in members.split('"').skip(1).step_by(2) {
        assert!(
            folders.contains(&format!("{member}/")),
            "no Crates row for the workspace member {member}/"
        );
    }
}

#[test]
fn the_features_table_is_true() {
    let text = architecture();
    let named: BTreeSet<String> = table(&text, "## Cargo features")
        .iter()
        .filter_map(|row| backticked(&row[0]).first().map(|s| (*s).to_owned()))
        .chain(std::iter::once("default".to_owned()))
        .collect();
    let manifest = read(&root().join("crate/Cargo.toml"));
    let features: BTreeSet<String> = manifest
        .lines()
        .skip_while(|line| line.trim() != "[features]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| {
            line.split_once(" = ")
                .map(|(name, _)| name.trim().to_owned())
        })
        .filter(|name| !name.starts_with('#'))
        .collect();
    assert_eq!(
        named, features,
        "the Cargo features table lists exactly crate/Cargo.toml's features"
    );
}

#[test]
fn the_modules_table_is_true() {
    let text = architecture();
    let rows = table(&text, "## Modules of `signkit`");
    let src = root().join("crate/src");
    let mut top = BTreeSet::new();
    for row in &rows {
        let module = backticked(&row[0])
            .first()
            .copied()
            .unwrap_or_default()
            .to_owned();
        let file = module.replace("::", "/");
        assert!(
            src.join(format!("{file}.rs")).exists() || src.join(&file).join("mod.rs").exists(),
            "module `{module}` has no file in crate/src"
        );
        top.insert(module.split("::").next().unwrap_or_default().to_owned());
    }
    let lib = read(&src.join("lib.rs"));
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|line| line.trim().trim_start_matches("pub ").strip_prefix("mod "))
        .map(|name| name.trim_end_matches(';').to_owned())
        .collect();
    assert_eq!(
        top, declared,
        "one Modules row (or rows) per module of lib.rs"
    );
    // The wasm row names every file of src/wasm/.
    let wasm_row = rows
        .iter()
        .find(|row| backticked(&row[0]).first() == Some(&"wasm"))
        .expect("a wasm row");
    let named: BTreeSet<&str> = backticked(&wasm_row[1]).into_iter().collect();
    for entry in std::fs::read_dir(src.join("wasm")).expect("crate/src/wasm") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let module = name.trim_end_matches(".rs");
        if module != "mod" {
            assert!(
                named.contains(module),
                "the wasm row does not name src/wasm/{name}"
            );
        }
    }
}

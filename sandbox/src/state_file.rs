//! The persisted state (`--state FILE`): replaced atomically, so the file on disk is always a
//! complete state document — the previous one or the new one — whenever the process dies.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// A state file and its temporary sibling.
#[derive(Debug)]
pub struct StateFile {
    path: PathBuf,
    temp: PathBuf,
    dir: PathBuf,
}

impl StateFile {
    /// The state file at `path`. Its temporary file is `.NAME.tmp` in the same directory (a
    /// rename is only atomic within one file system).
    pub fn new(path: &Path) -> StateFile {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(path.file_name().unwrap_or_else(|| "state".as_ref()));
        temp_name.push(".tmp");
        StateFile {
            path: path.to_path_buf(),
            temp: dir.join(temp_name),
            dir,
        }
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's contents, or `None` when it does not exist yet.
    pub fn read(&self) -> io::Result<Option<String>> {
        match fs::read_to_string(&self.path) {
            Ok(text) => Ok(Some(text)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Replaces the file with `contents`: write the temporary file, flush it to disk, rename it
    /// over the state file, flush the directory entry. When this returns `Ok`, the new contents
    /// survive a crash or power loss; at no moment is a partial file visible under `path`.
    pub fn write_atomic(&self, contents: &str) -> io::Result<()> {
        let result = self.write_temp(contents).and_then(|()| {
            fs::rename(&self.temp, &self.path)?;
            sync_dir(&self.dir)
        });
        if result.is_err() {
            // Best effort: a stale temporary file is harmless (the next write truncates it).
            let _ = fs::remove_file(&self.temp);
        }
        result
    }

    fn write_temp(&self, contents: &str) -> io::Result<()> {
        let mut file = File::create(&self.temp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    }
}

/// Makes a rename in `dir` durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Windows cannot open a directory as a file; `MoveFileEx` (behind `rename`) is already
/// write-through for the entry.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// One version of the state document, numbered in the order the changes were made.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// Increases by one with every change.
    pub version: u64,
    /// The state document (spec §10.2).
    pub json: Arc<str>,
}

/// Writes snapshots to a [`StateFile`] in version order, one writer at a time.
///
/// Snapshots are taken inside the emulator's critical section but written outside it, so
/// writers can finish out of order; a snapshot older than the one on disk is skipped, because
/// the newer one already contains its change.
#[derive(Debug)]
pub struct Persister {
    file: StateFile,
    written_version: Mutex<u64>,
}

impl Persister {
    /// A persister for `file`, whose current contents are version `version`.
    pub fn new(file: StateFile, version: u64) -> Persister {
        Persister {
            file,
            written_version: Mutex::new(version),
        }
    }

    /// The state file.
    pub fn file(&self) -> &StateFile {
        &self.file
    }

    /// Makes `snapshot` (or a newer one) durable.
    pub fn persist(&self, snapshot: &Snapshot) -> io::Result<()> {
        let mut written = self
            .written_version
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if *written >= snapshot.version {
            return Ok(());
        }
        self.file.write_atomic(&snapshot.json)?;
        *written = snapshot.version;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("signkit-sandbox-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn temp_file_is_a_hidden_sibling() {
        let file = StateFile::new(Path::new("/srv/sandbox/state.json"));
        assert_eq!(file.temp, Path::new("/srv/sandbox/.state.json.tmp"));
        let bare = StateFile::new(Path::new("state.json"));
        assert_eq!(bare.dir, Path::new("."));
        assert_eq!(bare.temp, Path::new("./.state.json.tmp"));
    }

    #[test]
    fn write_replaces_and_read_returns() {
        let dir = temp_dir("write");
        let file = StateFile::new(&dir.join("state.json"));
        assert_eq!(file.read().unwrap(), None);
        file.write_atomic("{\"a\":1}").unwrap();
        file.write_atomic("{\"a\":2}").unwrap();
        assert_eq!(file.read().unwrap().as_deref(), Some("{\"a\":2}"));
        assert!(!file.temp.exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn failed_write_leaves_the_old_file() {
        let dir = temp_dir("fail");
        let path = dir.join("state.json");
        let file = StateFile::new(&path);
        file.write_atomic("old").unwrap();
        // A directory where the temporary file should go makes the write fail.
        fs::create_dir(&file.temp).unwrap();
        assert!(file.write_atomic("new").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn older_snapshots_are_skipped() {
        let dir = temp_dir("order");
        let persister = Persister::new(StateFile::new(&dir.join("state.json")), 0);
        let snapshot = |version, json: &str| Snapshot {
            version,
            json: Arc::from(json),
        };
        persister.persist(&snapshot(2, "two")).unwrap();
        persister.persist(&snapshot(1, "one")).unwrap();
        assert_eq!(persister.file().read().unwrap().as_deref(), Some("two"));
        persister.persist(&snapshot(3, "three")).unwrap();
        assert_eq!(persister.file().read().unwrap().as_deref(), Some("three"));
        fs::remove_dir_all(dir).unwrap();
    }
}

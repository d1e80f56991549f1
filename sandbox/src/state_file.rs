//! The persisted state (`--state FILE`): replaced atomically, so the file on disk is always a
//! complete state document — the previous one or the new one — whenever the process dies.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::Serialize;

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

/// One version of the state, numbered in the order the changes were made.
#[derive(Debug)]
pub struct Snapshot<T> {
    /// Increases by one with every change.
    pub version: u64,
    /// The state; serialised (as pretty JSON) only when it is written.
    pub state: Arc<T>,
}

// Derived `Clone` would require `T: Clone`; only the `Arc` is cloned.
impl<T> Clone for Snapshot<T> {
    fn clone(&self) -> Snapshot<T> {
        Snapshot {
            version: self.version,
            state: Arc::clone(&self.state),
        }
    }
}

/// Writes snapshots to a [`StateFile`] in version order, one writer at a time, sharing writes.
///
/// Snapshots are taken inside the emulator's critical section but written outside it, so
/// requests reach the file out of order and concurrently. Each request deposits its snapshot
/// as the newest one, then waits for the writer lock; whoever holds it writes the newest
/// snapshot deposited so far, which contains every older change. A request whose change is
/// already on disk when it gets the lock returns at once: with concurrent writers one fsync
/// covers many requests (group commit), and an older snapshot never overwrites a newer one.
#[derive(Debug)]
pub struct Persister<T> {
    file: StateFile,
    newest: Mutex<Option<Snapshot<T>>>,
    written_version: Mutex<u64>,
}

impl<T: Serialize> Persister<T> {
    /// A persister for `file`, whose current contents are version `version`.
    pub fn new(file: StateFile, version: u64) -> Persister<T> {
        Persister {
            file,
            newest: Mutex::new(None),
            written_version: Mutex::new(version),
        }
    }

    /// The state file.
    pub fn file(&self) -> &StateFile {
        &self.file
    }

    /// Makes `snapshot` (or a newer one) durable. Serialising happens here, outside the
    /// emulator's lock, once per file write rather than once per change.
    pub fn persist(&self, snapshot: &Snapshot<T>) -> io::Result<()> {
        {
            let mut newest = lock(&self.newest);
            if newest
                .as_ref()
                .is_none_or(|newest| newest.version < snapshot.version)
            {
                *newest = Some(snapshot.clone());
            }
        }
        let mut written = lock(&self.written_version);
        if *written >= snapshot.version {
            return Ok(());
        }
        // At least `snapshot` itself: it was deposited above and only newer ones replace it.
        let newest = lock(&self.newest)
            .clone()
            .unwrap_or_else(|| snapshot.clone());
        let json = serde_json::to_string_pretty(&*newest.state)
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
        self.file.write_atomic(&json)?;
        *written = newest.version;
        Ok(())
    }
}

/// A poisoned lock only means another writer panicked; the data (a version number, a
/// snapshot) is still consistent.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
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
        let snapshot = |version, text: &str| Snapshot {
            version,
            state: Arc::new(text.to_owned()),
        };
        persister.persist(&snapshot(2, "two")).unwrap();
        persister.persist(&snapshot(1, "one")).unwrap();
        assert_eq!(persister.file().read().unwrap().as_deref(), Some("\"two\""));
        persister.persist(&snapshot(3, "three")).unwrap();
        assert_eq!(
            persister.file().read().unwrap().as_deref(),
            Some("\"three\"")
        );
        persister.persist(&snapshot(3, "three again")).unwrap();
        assert_eq!(
            persister.file().read().unwrap().as_deref(),
            Some("\"three\"")
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn concurrent_persists_end_with_the_newest() {
        let dir = temp_dir("concurrent");
        let persister = Arc::new(Persister::new(StateFile::new(&dir.join("state.json")), 0));
        let writers: Vec<_> = (1..=16u64)
            .map(|version| {
                let persister = Arc::clone(&persister);
                std::thread::spawn(move || {
                    let snapshot = Snapshot {
                        version,
                        state: Arc::new(version),
                    };
                    persister.persist(&snapshot).unwrap();
                    // Once persist returns, the file holds this version or a newer one.
                    let on_disk: u64 = persister.file().read().unwrap().unwrap().parse().unwrap();
                    assert!(
                        on_disk >= version,
                        "v{version} returned with v{on_disk} on disk"
                    );
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        assert_eq!(persister.file().read().unwrap().as_deref(), Some("16"));
        fs::remove_dir_all(dir).unwrap();
    }
}

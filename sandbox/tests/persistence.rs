//! `--state FILE`: every acknowledged write survives `kill -9`, and the file is never seen
//! half-written.

mod support;

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use support::{
    create_group, created_group_id, fixtures_with_accounts, groups_of, path_str, temp_dir, text,
    Connection, Server,
};

fn group_ids(state: &serde_json::Value) -> HashSet<String> {
    groups_of(state).into_iter().map(|(id, _, _)| id).collect()
}

fn read_state_file(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).expect("state file exists");
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("state file is not complete JSON ({error}): {text:.200}"))
}

fn write_fixtures(dir: &Path, accounts: usize) -> (String, Vec<String>) {
    let (fixtures, accounts) = fixtures_with_accounts(accounts);
    let path = dir.join("fixtures.json");
    fs::write(&path, fixtures).expect("write fixtures");
    (path_str(&path).to_owned(), accounts)
}

#[test]
fn state_file_is_created_at_start_from_the_fixtures() {
    let dir = temp_dir("created");
    let state = dir.join("state.json");
    let server = Server::start(&["--state", path_str(&state)]);
    assert!(server.banner.contains("demo data:"), "{}", server.banner);
    assert_eq!(read_state_file(&state), server.state());
}

#[test]
fn acknowledged_writes_survive_kill_9() {
    let dir = temp_dir("kill9");
    let state = dir.join("state.json");
    let (config, accounts) = write_fixtures(&dir, 40);
    let args = ["--state", path_str(&state), "--config", config.as_str()];

    let mut server = Server::start(&args);
    let mut acknowledged = HashSet::new();
    for account in &accounts[..30] {
        let response = server.send(&create_group(account, &format!("g-{account}")));
        acknowledged
            .insert(created_group_id(&response).unwrap_or_else(|| panic!("{}", text(&response))));
    }
    server.kill9();
    assert!(!server.is_running());

    let server = Server::start(&args);
    assert!(
        server.banner.contains("state loaded from"),
        "{}",
        server.banner
    );
    let restored = server.state();
    assert_eq!(group_ids(&restored), acknowledged);
    // The random source continues where it stopped instead of repeating ids.
    let response = server.send(&create_group(&accounts[30], "after restart"));
    let next = created_group_id(&response).unwrap_or_else(|| panic!("{}", text(&response)));
    assert!(!acknowledged.contains(&next));
    // And the write after the restart is persisted too.
    assert!(group_ids(&read_state_file(&state)).contains(&next));
}

/// Several clients write as fast as they can; the process is killed at arbitrary moments. Each
/// time, the file must be a complete state that the server loads, holding every write that was
/// acknowledged before the kill.
#[test]
fn state_file_is_never_half_written() {
    let dir = temp_dir("burst");
    let state = dir.join("state.json");
    let (config, accounts) = write_fixtures(&dir, 2000);
    let args = ["--state", path_str(&state), "--config", config.as_str()];
    let accounts = Arc::new(accounts);
    let acknowledged = Arc::new(Mutex::new(HashSet::new()));
    let mut next_account = 0;

    for (round, kill_after_ms) in [150u64, 40, 270, 90, 5].into_iter().enumerate() {
        let mut server = Server::start(&args);
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..6)
            .map(|writer| {
                let (port, stop, accounts, acknowledged) = (
                    server.port,
                    Arc::clone(&stop),
                    Arc::clone(&accounts),
                    Arc::clone(&acknowledged),
                );
                // Each writer gets its own slice of fresh accounts.
                let first = next_account + writer * 60;
                thread::spawn(move || {
                    let mut connection = Connection::open(port);
                    for account in &accounts[first..first + 60] {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let request = create_group(account, &format!("burst-{round}-{account}"));
                        match connection
                            .try_send(&request)
                            .as_ref()
                            .and_then(created_group_id)
                        {
                            Some(id) => {
                                acknowledged.lock().expect("lock").insert(id);
                            }
                            None => return, // killed: this write was not acknowledged
                        }
                    }
                })
            })
            .collect();
        next_account += 6 * 60;
        thread::sleep(Duration::from_millis(kill_after_ms));
        server.kill9();
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            writer.join().expect("writer");
        }

        let on_disk = group_ids(&read_state_file(&state));
        // A leftover temporary file means the kill interrupted a write (informative only).
        let interrupted = dir.join(".state.json.tmp").exists();
        println!(
            "round {round}: {} acknowledged so far, {} on disk, write interrupted: {interrupted}",
            acknowledged.lock().expect("lock").len(),
            on_disk.len()
        );
        let acked = acknowledged.lock().expect("lock").clone();
        let missing: Vec<_> = acked.difference(&on_disk).collect();
        assert!(
            missing.is_empty(),
            "round {round}: acknowledged but lost: {missing:?}"
        );
        // The server itself accepts the file.
        let restarted = Server::start(&args);
        assert_eq!(group_ids(&restarted.state()), on_disk, "round {round}");
    }
    assert!(
        acknowledged.lock().expect("lock").len() >= 30,
        "the bursts wrote something"
    );
}

#[test]
fn a_broken_state_file_stops_the_start_and_is_kept() {
    let dir = temp_dir("broken");
    let state = dir.join("state.json");
    fs::write(&state, "{\"daoke\": [").expect("write broken state");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_signkit-sandbox"))
        .args(["--port", "0", "--state", path_str(&state)])
        .output()
        .expect("run signkit-sandbox");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("state file") && stderr.contains("state.json"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&state).expect("still there"),
        "{\"daoke\": ["
    );
}

#[test]
fn reset_is_persisted() {
    let dir = temp_dir("reset");
    let state = dir.join("state.json");
    let (fixtures, accounts) = fixtures_with_accounts(3);
    let server = Server::start(&["--state", path_str(&state)]);
    server.reset(&fixtures, Some(7));
    assert_eq!(
        read_state_file(&state)["daoke"]["accounts"],
        serde_json::json!(accounts)
    );
    assert_eq!(read_state_file(&state), server.state());
}

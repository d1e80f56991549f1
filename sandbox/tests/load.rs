//! Load: 50 concurrent clients × 20 createGroup each, every one with its own account and group
//! name. Every acknowledged group must be in the state exactly once, and the server must still
//! answer afterwards.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Instant;

use support::{
    create_group, created_group_id, fixtures_with_accounts, groups_of, text, Connection, Server,
};

const CLIENTS: usize = 50;
const REQUESTS_PER_CLIENT: usize = 20;

#[test]
fn fifty_clients_times_twenty_create_group() {
    run_load(&Server::start(&[]), "in memory");
}

/// The same with `--state`: every answer waits for its change to be on disk (fsync).
#[test]
fn fifty_clients_times_twenty_create_group_persisted() {
    let dir = support::temp_dir("load");
    let state = dir.join("state.json");
    let server = Server::start(&["--state", support::path_str(&state)]);
    run_load(&server, "with --state");
    let on_disk: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state).expect("state file"))
            .expect("state JSON");
    assert_eq!(groups_of(&on_disk).len(), CLIENTS * REQUESTS_PER_CLIENT);
}

fn run_load(server: &Server, label: &str) {
    let (fixtures, accounts) = fixtures_with_accounts(1000);
    server.reset(&fixtures, None);

    let port = server.port;
    let start = Arc::new(Barrier::new(CLIENTS + 1));
    let clients: Vec<_> = accounts
        .chunks(REQUESTS_PER_CLIENT)
        .take(CLIENTS)
        .enumerate()
        .map(|(client, accounts)| {
            // Built and signed before the clock starts: the measurement is the server's.
            let requests: Vec<_> = accounts
                .iter()
                .enumerate()
                .map(|(index, account)| {
                    let name = format!("load-{client}-{index}");
                    (account.clone(), name.clone(), create_group(account, &name))
                })
                .collect();
            let start = Arc::clone(&start);
            thread::spawn(move || {
                let mut connection = Connection::open(port);
                start.wait();
                requests
                    .into_iter()
                    .map(|(account, name, request)| {
                        let response = connection.send(&request);
                        let group_id = created_group_id(&response).unwrap_or_else(|| {
                            panic!("createGroup for {account} failed: {}", text(&response))
                        });
                        (group_id, (account, name))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    start.wait();
    let started = Instant::now();
    let created: Vec<(String, (String, String))> = clients
        .into_iter()
        .flat_map(|client| client.join().expect("client thread"))
        .collect();
    let elapsed = started.elapsed();
    let total = CLIENTS * REQUESTS_PER_CLIENT;
    println!(
        "load ({label}): {total} createGroup from {CLIENTS} concurrent keep-alive clients in {:.3} s = {:.0} requests/s",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    assert_eq!(created.len(), total);

    let acknowledged: HashMap<String, (String, String)> = created.into_iter().collect();
    assert_eq!(acknowledged.len(), total, "every groupID is distinct");
    let groups = groups_of(&server.state());
    assert_eq!(
        groups.len(),
        total,
        "no group more, no group less than acknowledged"
    );
    let mut seen = HashMap::new();
    for (group_id, owner, name) in groups {
        *seen.entry(group_id.clone()).or_insert(0) += 1;
        assert_eq!(
            acknowledged.get(&group_id),
            Some(&(owner, name)),
            "group {group_id} is stored as acknowledged"
        );
    }
    assert!(
        seen.values().all(|count| *count == 1),
        "each group exactly once"
    );
    server.assert_alive();
}

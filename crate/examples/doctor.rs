//! The sign doctor from the command line: reads a capture (a curl command, a raw HTTP request
//! or a bare body) from a file or stdin and prints what `signkit::doctor::diagnose` says.
//!
//! ```text
//! cargo run -p signkit --features doctor --example doctor -- CAPTURE_FILE|- \
//!     [--secret S] [--auth-token T] [--api NAME] [--now yyyyMMddHHmmss] [--mine STRING_TO_SIGN]
//! ```

use std::io::Read;
use std::process::ExitCode;

use signkit::doctor::{diagnose, DoctorOptions, SeenKind};
use signkit::{Api, AuthToken, BeijingTime, Secret};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("doctor: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut file = None;
    let mut options = DoctorOptions::default();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--secret" => options.secret = Some(Secret::new(value()?)),
            "--auth-token" => options.auth_token = Some(AuthToken::new(value()?)),
            "--api" => {
                let name = value()?;
                options.api = Some(Api::from_name(&name).ok_or(format!("unknown api {name}"))?);
            }
            "--now" => {
                let text = value()?;
                let now = BeijingTime::parse(&text).ok_or(format!("bad time {text}"))?;
                options.now = Some(now.to_unix());
            }
            "--mine" => options.my_string_to_sign = Some(value()?),
            _ if file.is_none() => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let file = file.ok_or("usage: doctor CAPTURE_FILE|- [--secret S] [--auth-token T] [--api NAME] [--now T] [--mine S]")?;
    let mut capture = String::new();
    if file == "-" {
        std::io::stdin()
            .read_to_string(&mut capture)
            .map_err(|e| e.to_string())?;
    } else {
        capture = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    }

    let d = diagnose(&capture, &options);
    let api = d.api.map_or("-", Api::name);
    println!(
        "verdict:        {:?}  ({api}, read as {:?})",
        d.verdict, d.input
    );
    println!("server sees:");
    for seen in &d.server_sees {
        let kind = match seen.kind {
            SeenKind::Text => "",
            SeenKind::File => "  (file)",
            SeenKind::Table => "  (table)",
            SeenKind::True => "  (true)",
        };
        println!("  {:<16} {}{kind}", seen.name, seen.value);
    }
    if let Some(string) = &d.string_to_sign {
        println!("string to sign: {string}");
    }
    println!(
        "provided sign:  {}",
        d.provided_sign.as_deref().unwrap_or("-")
    );
    println!(
        "expected sign:  {}",
        d.expected_sign.as_deref().unwrap_or("- (no secret given)")
    );
    for m in &d.mistakes {
        let state = if m.confirmed {
            "CONFIRMED"
        } else {
            "suspected"
        };
        println!(
            "{state} {}:\n  {}\n  {}",
            m.id.as_str(),
            m.message.en,
            m.message.zh
        );
    }
    if let Some(diff) = &d.first_difference {
        println!(
            "first difference at byte {}:\n  server: {:?}\n  mine:   {:?}",
            diff.offset, diff.server, diff.mine
        );
    }
    for f in &d.findings {
        let field = f
            .field
            .as_deref()
            .map(|f| [f, ": "].concat())
            .unwrap_or_default();
        println!("finding {}: {field}{}", f.id, f.message.en);
    }
    Ok(())
}

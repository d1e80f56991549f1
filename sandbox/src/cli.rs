//! The command line: eight flags, parsed by hand with errors that say what to type instead.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use signkit::BeijingTime;

use crate::access::AccessPolicy;

/// Port used when `--port` is not given.
pub const DEFAULT_PORT: u16 = 8787;
/// Interface used when `--host` is not given: loopback only, because the demo secrets are public.
pub const DEFAULT_HOST: &str = "127.0.0.1";

/// `--help` text.
pub const USAGE: &str = "\
Usage: signkit-sandbox [--port P] [--host ADDR] [--config FILE] [--state FILE]
                       [--clock yyyyMMddHHmmss] [--seed N]
                       [--allow-host NAME]... [--allow-origin ORIGIN]...

Runs the signkit vendor sandbox (daoke and YTX emulator, spec section 10) as a local HTTP server.

  --port P          TCP port (default 8787; 0 picks a free port, printed at start)
  --host ADDR       interface to listen on (default 127.0.0.1)
  --config FILE     fixtures JSON (spec section 10.2) instead of the built-in demo fixtures
  --state FILE      persist the state in FILE: loaded at start when it exists, rewritten
                    atomically after every request that changed it
  --clock T         freeze the clock at T (yyyyMMddHHmmss, UTC+8); default: system clock
  --seed N          seed of the random source (0 <= N < 2^64); overrides the fixtures' sandbox.seed
  --allow-host NAME also accept requests whose Host header names NAME (any port); by default only
                    loopback hosts: localhost, *.localhost, 127.0.0.0/8, [::1] (repeatable)
  --allow-origin ORIGIN
                    also serve pages of ORIGIN (scheme://host[:port]), with CORS headers; by
                    default only loopback origins. `*` serves every page on the web: avoid it
                    (repeatable)
  -h, --help        print this help

Safety (spec section 10.9): requests whose Host is not allowed, and requests from web pages of
other origins (Origin header), get 403 before anything is read or changed. Requests without an
Origin header (curl, scripts) are served. GET /_sandbox/state shows secrets and tokens as
\"<redacted>\" unless asked with ?secrets=1.

Control endpoints: GET /_sandbox/state[?secrets=1], GET /_sandbox/outbound, POST /_sandbox/reset[?seed=N]
(optional JSON body = fixtures), PUT /_sandbox/clock (body yyyyMMddHHmmss or now),
GET /_sandbox/health.
";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Print [`USAGE`] and exit successfully.
    Help,
    /// Run the server.
    Run(Options),
}

/// The server's settings, from the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Interface to bind (an IP address or a host name).
    pub host: String,
    /// TCP port; 0 lets the system pick one.
    pub port: u16,
    /// Fixtures file replacing the demo fixtures.
    pub config: Option<PathBuf>,
    /// State file to load and keep up to date.
    pub state: Option<PathBuf>,
    /// Frozen clock; `None` reads the system clock.
    pub clock: Option<BeijingTime>,
    /// Seed overriding the fixtures' `sandbox.seed`.
    pub seed: Option<u64>,
    /// `--allow-host` and `--allow-origin`: who may come in besides loopback.
    pub access: AccessPolicy,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            host: DEFAULT_HOST.to_owned(),
            port: DEFAULT_PORT,
            config: None,
            state: None,
            clock: None,
            seed: None,
            access: AccessPolicy::default(),
        }
    }
}

/// Why the command line was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliError {
    /// An argument that is not one of the flags.
    UnknownArgument(String),
    /// A flag given without its value.
    MissingValue(&'static str),
    /// A flag given twice.
    Repeated(&'static str),
    /// A flag whose value does not have the expected form.
    BadValue {
        /// The flag, e.g. `--port`.
        flag: &'static str,
        /// The value as given.
        value: String,
        /// What the value must look like.
        expected: &'static str,
    },
    /// An argument that is not valid Unicode.
    NotUnicode(String),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::UnknownArgument(arg) => {
                write!(f, "unknown argument `{arg}`; see --help for the flags")
            }
            CliError::MissingValue(flag) => write!(f, "{flag} needs a value, e.g. `{flag} VALUE`"),
            CliError::Repeated(flag) => write!(f, "{flag} is given more than once; give it once"),
            CliError::BadValue {
                flag,
                value,
                expected,
            } => write!(f, "{flag} `{value}` is invalid: expected {expected}"),
            CliError::NotUnicode(arg) => write!(f, "argument `{arg}` is not valid Unicode"),
        }
    }
}

impl std::error::Error for CliError {}

/// The flags that take a value, with the check each value must pass.
#[derive(Clone, Copy)]
enum Flag {
    Port,
    Host,
    Config,
    State,
    Clock,
    Seed,
    AllowHost,
    AllowOrigin,
}

impl Flag {
    fn from_name(name: &str) -> Option<Flag> {
        Some(match name {
            "--port" => Flag::Port,
            "--host" => Flag::Host,
            "--config" => Flag::Config,
            "--state" => Flag::State,
            "--clock" => Flag::Clock,
            "--seed" => Flag::Seed,
            "--allow-host" => Flag::AllowHost,
            "--allow-origin" => Flag::AllowOrigin,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Flag::Port => "--port",
            Flag::Host => "--host",
            Flag::Config => "--config",
            Flag::State => "--state",
            Flag::Clock => "--clock",
            Flag::Seed => "--seed",
            Flag::AllowHost => "--allow-host",
            Flag::AllowOrigin => "--allow-origin",
        }
    }

    /// Whether the flag may be given more than once (each time adds a value).
    fn is_repeatable(self) -> bool {
        matches!(self, Flag::AllowHost | Flag::AllowOrigin)
    }

    /// Stores `value` in `options`; `Repeated` when a flag that takes one value was already set.
    fn apply(
        self,
        value: String,
        options: &mut Options,
        seen: &mut Vec<&'static str>,
    ) -> Result<(), CliError> {
        let name = self.name();
        if seen.contains(&name) && !self.is_repeatable() {
            return Err(CliError::Repeated(name));
        }
        seen.push(name);
        let bad = |expected| CliError::BadValue {
            flag: name,
            value: value.clone(),
            expected,
        };
        match self {
            Flag::Port => {
                options.port = parse_decimal(&value)
                    .and_then(|port| u16::try_from(port).ok())
                    .ok_or_else(|| bad("a port number 0-65535"))?;
            }
            Flag::Host => {
                if value.is_empty() {
                    return Err(bad("an IP address or host name, e.g. 127.0.0.1"));
                }
                options.host = value;
            }
            Flag::Config => options.config = Some(non_empty_path(value, name)?),
            Flag::State => options.state = Some(non_empty_path(value, name)?),
            Flag::Clock => {
                options.clock = Some(BeijingTime::parse(&value).ok_or_else(|| {
                    bad("14 digits yyyyMMddHHmmss forming a valid date and time (UTC+8)")
                })?);
            }
            Flag::Seed => {
                options.seed =
                    Some(parse_decimal(&value).ok_or_else(|| bad("a whole number 0 <= N < 2^64"))?);
            }
            Flag::AllowHost => options
                .access
                .allow_host(&value)
                .map_err(|expected| bad(expected.0))?,
            Flag::AllowOrigin => options
                .access
                .allow_origin(&value)
                .map_err(|expected| bad(expected.0))?,
        }
        Ok(())
    }
}

fn non_empty_path(value: String, flag: &'static str) -> Result<PathBuf, CliError> {
    if value.is_empty() {
        return Err(CliError::BadValue {
            flag,
            value,
            expected: "a file path",
        });
    }
    Ok(PathBuf::from(value))
}

/// Plain ASCII decimal digits only (no sign, no spaces), as a `u64`.
pub fn parse_decimal(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Parses the arguments after the program name. Both `--flag VALUE` and `--flag=VALUE` work.
pub fn parse<I>(args: I) -> Result<Command, CliError>
where
    I: IntoIterator<Item = OsString>,
{
    let mut options = Options::default();
    let mut seen = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|raw| CliError::NotUnicode(raw.to_string_lossy().into_owned()))?;
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let flag = Flag::from_name(&name).ok_or(CliError::UnknownArgument(arg))?;
        let value = match inline_value {
            Some(value) => value,
            None => args
                .next()
                .ok_or(CliError::MissingValue(flag.name()))?
                .into_string()
                .map_err(|raw| CliError::NotUnicode(raw.to_string_lossy().into_owned()))?,
        };
        flag.apply(value, &mut options, &mut seen)?;
    }
    Ok(Command::Run(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, CliError> {
        parse(args.iter().map(OsString::from))
    }

    fn options(args: &[&str]) -> Options {
        match run(args) {
            Ok(Command::Run(options)) => options,
            other => panic!("{args:?} gave {other:?}"),
        }
    }

    #[test]
    fn no_arguments_give_the_defaults() {
        assert_eq!(options(&[]), Options::default());
        assert_eq!(Options::default().port, 8787);
        assert_eq!(Options::default().host, "127.0.0.1");
    }

    #[test]
    fn every_flag_in_both_spellings() {
        let expected = Options {
            host: "0.0.0.0".into(),
            port: 0,
            config: Some("fx.json".into()),
            state: Some("st.json".into()),
            clock: BeijingTime::parse("20261125100000"),
            seed: Some(18446744073709551615),
            access: {
                let mut access = AccessPolicy::default();
                access.allow_host("sandbox.test").unwrap();
                access.allow_host("lan.test").unwrap();
                access.allow_origin("https://tools.example.com").unwrap();
                access
            },
        };
        let separate = [
            "--port",
            "0",
            "--host",
            "0.0.0.0",
            "--config",
            "fx.json",
            "--state",
            "st.json",
            "--clock",
            "20261125100000",
            "--seed",
            "18446744073709551615",
            "--allow-host",
            "sandbox.test",
            "--allow-origin",
            "https://tools.example.com",
            "--allow-host",
            "lan.test",
        ];
        assert_eq!(options(&separate), expected);
        let joined = [
            "--port=0",
            "--host=0.0.0.0",
            "--config=fx.json",
            "--state=st.json",
            "--clock=20261125100000",
            "--seed=18446744073709551615",
            "--allow-host=sandbox.test",
            "--allow-origin=https://tools.example.com",
            "--allow-host=lan.test",
        ];
        assert_eq!(options(&joined), expected);
    }

    #[test]
    fn help_wins() {
        assert_eq!(run(&["--port", "1", "-h"]), Ok(Command::Help));
        assert_eq!(run(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn bad_values_name_the_flag_and_the_expected_form() {
        for (args, flag) in [
            (&["--port", "65536"][..], "--port"),
            (&["--port", "-1"], "--port"),
            (&["--port", "+80"], "--port"),
            (&["--port", ""], "--port"),
            (&["--clock", "20261325100000"], "--clock"),
            (&["--clock", "2026112510000"], "--clock"),
            (&["--seed", "18446744073709551616"], "--seed"),
            (&["--seed", "1e3"], "--seed"),
            (&["--config="], "--config"),
            (&["--host", ""], "--host"),
            (&["--allow-host", "sandbox.test:8787"], "--allow-host"),
            (&["--allow-origin", "null"], "--allow-origin"),
            (&["--allow-origin", "https://x.test/app"], "--allow-origin"),
        ] {
            match run(args) {
                Err(error @ CliError::BadValue { flag: got, .. }) => {
                    assert_eq!(got, flag);
                    assert!(error.to_string().contains("expected"), "{error}");
                }
                other => panic!("{args:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn structural_errors() {
        assert_eq!(run(&["--port"]), Err(CliError::MissingValue("--port")));
        assert_eq!(
            run(&["--seed", "1", "--seed=2"]),
            Err(CliError::Repeated("--seed"))
        );
        assert_eq!(
            run(&["--verbose"]),
            Err(CliError::UnknownArgument("--verbose".into()))
        );
        assert_eq!(
            run(&["8080"]),
            Err(CliError::UnknownArgument("8080".into()))
        );
        assert_eq!(
            run(&["-p", "1"]),
            Err(CliError::UnknownArgument("-p".into()))
        );
    }
}

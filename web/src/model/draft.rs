//! The form of one endpoint as the user left it: [`Draft`] of [`Entry`]s (value, sent,
//! touched), the seed example, and the comma lists the editors edit.

use super::credentials::Slot;
use signkit::endpoint::{describe, EndpointDescription, Requirement};
use signkit::Api;

/// One parameter of the form as the user left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The parameter name.
    pub name: &'static str,
    /// What was typed (credentials keep their value in [`Credentials`] instead).
    pub value: String,
    /// Whether the parameter is sent at all (an optional one may be left out, so the
    /// server's default applies; "empty" and "absent" are different requests).
    pub sent: bool,
    /// Whether the user has touched the field (typed in it, switched it, or left it): only
    /// then does it show its finding (or once a send was attempted, [`Draft::attempted`]).
    pub touched: bool,
}

/// The form of one endpoint: every parameter of its description, in the order it is sent.
///
/// The order is the description's, or the seed sample's after "load the seed example", so
/// the previewed body is byte for byte the vendor document's sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    entries: Vec<Entry>,
    attempted: bool,
}

impl Draft {
    /// An empty form: required parameters (and the ones the seed requires) are sent, the
    /// optional ones are not.
    pub fn new(description: &EndpointDescription) -> Draft {
        let entries = description
            .params
            .iter()
            .map(|param| Entry {
                name: param.name,
                value: String::new(),
                sent: matches!(
                    param.required,
                    Requirement::Required | Requirement::SeedRequired
                ),
                touched: false,
            })
            .collect();
        Draft {
            entries,
            attempted: false,
        }
    }

    /// The seed document's sample request ([`EndpointDescription::example`]): its
    /// parameters in its order, every other parameter not sent.
    pub fn example(description: &EndpointDescription) -> Draft {
        let mut entries: Vec<Entry> = description
            .example
            .iter()
            .filter_map(|(name, value)| {
                let param = description.param(name)?;
                Some(Entry {
                    name: param.name,
                    value: String::from(*value),
                    sent: true,
                    touched: false,
                })
            })
            .collect();
        for param in description.params {
            if !entries.iter().any(|entry| entry.name == param.name) {
                entries.push(Entry {
                    name: param.name,
                    value: String::new(),
                    sent: false,
                    touched: false,
                });
            }
        }
        Draft {
            entries,
            attempted: false,
        }
    }

    /// The entries in send order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of parameter `name`.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.name == name)
    }

    /// Sets a value; typing into a parameter means it is to be sent (and touches it).
    pub fn set_value(&mut self, name: &str, value: String) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.value = value;
            entry.sent = true;
            entry.touched = true;
        }
    }

    /// Sends or leaves out parameter `name`, keeping its value (and touches it).
    pub fn set_sent(&mut self, name: &str, sent: bool) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.sent = sent;
            entry.touched = true;
        }
    }

    /// Marks parameter `name` touched (the focus left its field).
    pub fn touch(&mut self, name: &str) {
        if let Some(entry) = self.entries.iter_mut().find(|entry| entry.name == name) {
            entry.touched = true;
        }
    }

    /// Records that a send was attempted: every finding of the page is shown from now on.
    pub fn attempt(&mut self) {
        self.attempted = true;
    }

    /// Whether a send was attempted since the form was loaded or cleared.
    pub fn attempted(&self) -> bool {
        self.attempted
    }

    /// Whether parameter `name` shows its finding: once touched, or after a send was attempted.
    /// An untouched form is calm; the Send panel lists what blocks it all the same.
    pub fn shows_finding(&self, name: &str) -> bool {
        self.attempted || self.entry(name).is_some_and(|entry| entry.touched)
    }
}

/// The credentials a seed example names (the demo app key, the demo YTX account): loading
/// the example fills only the slots that are still empty, so it never overwrites yours.
pub fn example_credentials(api: Api) -> Vec<(Slot, &'static str)> {
    let description = describe(api);
    description
        .example
        .iter()
        .filter_map(|(name, value)| {
            let param = description.param(name)?;
            Slot::for_param(api, param).map(|slot| (slot, *value))
        })
        .collect()
}

/// The non-empty items of a comma list, split by the core's rule (the ASCII comma only,
/// spec §3.2), owned for the tag and list editors.
pub fn list_items(value: &str) -> Vec<String> {
    signkit::rules::list_items(value)
        .map(String::from)
        .collect()
}

/// The comma list of `items` (the inverse of [`list_items`] for non-empty items).
pub fn join_items(items: &[String]) -> String {
    items.join(",")
}

//! Declarative descriptions of the five endpoints: parameters, labels, help, defaults, rules.

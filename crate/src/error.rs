//! Why a request could not be built.

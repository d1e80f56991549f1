//! The merged error-code catalogue (spec §8): meaning and remedy in English and Chinese.

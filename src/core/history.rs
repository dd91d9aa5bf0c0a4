//! Earlier self-assessments, kept so the results can show the change since
//! the previous one. Each is dated to the month only and holds nothing but
//! the factor means, so no snapshot can say when or by whom it was made.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instrument::{Identity, Instrument};
use super::lang::Lang;
use super::scoring::ResourceResult;

/// A calendar month, stored as `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    pub fn new(year: u16, month: u8) -> Option<Month> {
        ((2000..=2200).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    /// The month after this one (this one in December 2200, the last one read).
    pub fn next(self) -> Month {
        let (year, month) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        Month::new(year, month).unwrap_or(self)
    }

    /// 05.2026 in Norwegian, 2026-05 in English.
    pub fn format(self, lang: Lang) -> String {
        match lang {
            Lang::Nb | Lang::Nn => format!("{:02}.{:04}", self.month, self.year),
            Lang::En => String::from(self),
        }
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Month, String> {
        let (year, month) = text
            .split_once('-')
            .ok_or_else(|| format!("not a month: {text}"))?;
        year.parse()
            .ok()
            .zip(month.parse().ok())
            .and_then(|(year, month)| Month::new(year, month))
            .ok_or_else(|| format!("not a month: {text}"))
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        format!("{:04}-{:02}", month.year, month.month)
    }
}

/// The factor means of one self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub month: Month,
    pub instrument: String,
    pub version: u32,
    /// Absent in snapshots kept before fingerprints, when only the built-in
    /// instruments could be answered; such a snapshot keeps its old form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<u32>,
    pub means: BTreeMap<String, f64>,
}

impl Snapshot {
    pub fn of(results: &[ResourceResult], instrument: &Instrument, month: Month) -> Snapshot {
        // Inserted one by one rather than collected: collecting sorts first,
        // and that sort would be one more copy in the wasm (reading a saved
        // history inserts already).
        let mut means = BTreeMap::new();
        for result in results {
            if let Some(mean) = result.score.mean {
                means.insert(result.factor.id.clone(), mean);
            }
        }
        Snapshot {
            month,
            instrument: instrument.id.clone(),
            version: instrument.version,
            fingerprint: Some(instrument.fingerprint),
            means,
        }
    }

    fn identity(&self) -> Identity {
        Identity {
            id: self.instrument.clone(),
            version: self.version,
            fingerprint: self.fingerprint,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub snapshots: Vec<Snapshot>,
}

impl History {
    /// Keeps `snapshot`, replacing one of the same instrument and month: two
    /// assessments in one month count as one, the latest. A factor it left
    /// unscored (skipped, or an assessment left half done) keeps the
    /// month's earlier mean, where that came from the same content.
    pub fn record(&mut self, mut snapshot: Snapshot) {
        let same = |kept: &Snapshot| {
            kept.instrument == snapshot.instrument && kept.month == snapshot.month
        };
        if let Some(kept) = self
            .snapshots
            .iter()
            .find(|kept| same(kept) && kept.identity() == snapshot.identity())
        {
            for (factor, &mean) in &kept.means {
                snapshot.means.entry(factor.clone()).or_insert(mean);
            }
        }
        self.snapshots.retain(|kept| !same(kept));
        // Kept in month order: after every snapshot of the same month or earlier.
        let at = self
            .snapshots
            .partition_point(|kept| kept.month <= snapshot.month);
        self.snapshots.insert(at, snapshot);
    }

    /// Drops the snapshots of exactly this instrument, whose file is being
    /// removed with the answers given to it; says whether there were any.
    pub fn forget(&mut self, instrument: &Instrument) -> bool {
        let before = self.snapshots.len();
        self.snapshots
            .retain(|kept| !kept.identity().matches(instrument));
        self.snapshots.len() != before
    }

    /// The latest snapshot of exactly this instrument (id, version and
    /// content) from before `month`: means of an edited copy never compare.
    pub fn previous(&self, instrument: &Instrument, month: Month) -> Option<&Snapshot> {
        self.snapshots
            .iter()
            .filter(|kept| kept.month < month && kept.identity().matches(instrument))
            .max_by_key(|kept| kept.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::built_in;
    use crate::core::saved::{decode, encode};

    /// A snapshot of the built-in resource instrument, as kept today.
    fn snapshot(year: u16, month: u8, mean: f64) -> Snapshot {
        let instrument = &built_in()[0];
        Snapshot {
            month: Month::new(year, month).unwrap(),
            instrument: instrument.id.clone(),
            version: instrument.version,
            fingerprint: Some(instrument.fingerprint),
            means: BTreeMap::from([("autonomi".to_string(), mean)]),
        }
    }

    #[test]
    fn the_previous_one_is_the_latest_from_an_earlier_month() {
        let mut history = History::default();
        history.record(snapshot(2026, 3, 3.0));
        history.record(snapshot(2026, 8, 3.5));
        history.record(snapshot(2026, 11, 4.0));
        let now = Month::new(2026, 11).unwrap();
        let instrument = &built_in()[0];
        assert_eq!(
            history.previous(instrument, now).unwrap().means["autonomi"],
            3.5
        );
        let mut next_version = instrument.clone();
        next_version.version += 1;
        assert_eq!(
            history.previous(&next_version, now),
            None,
            "another version does not compare"
        );
        assert_eq!(
            history.previous(instrument, Month::new(2026, 3).unwrap()),
            None
        );
    }

    #[test]
    fn an_edited_copy_does_not_compare_with_the_original() {
        let mut history = History::default();
        history.record(snapshot(2026, 8, 3.5));
        let mut edited = built_in()[0].clone();
        edited.fingerprint ^= 1;
        assert_eq!(
            history.previous(&edited, Month::new(2026, 11).unwrap()),
            None
        );
    }

    /// Snapshots kept before fingerprints (only built-in instruments then)
    /// still compare with their built-in instrument, and keep their form.
    #[test]
    fn a_snapshot_without_a_fingerprint_is_of_a_built_in_instrument() {
        let mut legacy = snapshot(2026, 8, 3.5);
        legacy.fingerprint = None;
        let history = History {
            snapshots: vec![legacy],
        };
        let now = Month::new(2026, 11).unwrap();
        assert!(history.previous(&built_in()[0], now).is_some());
        assert!(!encode(&history).contains("fingerprint"));
    }

    #[test]
    fn a_factor_left_unscored_keeps_the_months_earlier_mean() {
        let mut history = History::default();
        let mut whole = snapshot(2026, 12, 4.0);
        whole.means.insert("rolleklarhet".into(), 3.0);
        history.record(whole.clone());
        // Later that month, autonomi again and rolleklarhet skipped: the
        // latest of each.
        history.record(snapshot(2026, 12, 2.0));
        let mut latest = whole.clone();
        latest.means.insert("autonomi".into(), 2.0);
        assert_eq!(history.snapshots, [latest]);
        // Another whole one that month replaces both.
        whole.means.insert("autonomi".into(), 2.5);
        whole.means.insert("rolleklarhet".into(), 1.5);
        history.record(whole.clone());
        assert_eq!(history.snapshots, [whole.clone()]);
        // An edited copy's takes nothing from the other content's.
        let mut edited = snapshot(2026, 12, 5.0);
        edited.fingerprint = Some(1);
        history.record(edited.clone());
        assert_eq!(history.snapshots, [edited]);
    }

    #[test]
    fn two_assessments_in_one_month_count_as_one() {
        let mut history = History::default();
        history.record(snapshot(2026, 11, 3.0));
        history.record(snapshot(2026, 11, 4.0));
        assert_eq!(history.snapshots.len(), 1);
        assert_eq!(history.snapshots[0].means["autonomi"], 4.0);
    }

    /// A month recorded late (the device's clock was wrong, say) still takes
    /// its place in month order, after others of its month.
    #[test]
    fn snapshots_are_kept_in_month_order() {
        let mut history = History::default();
        for (month, mean) in [(8, 1.0), (3, 2.0), (11, 3.0), (5, 4.0)] {
            history.record(snapshot(2026, month, mean));
        }
        let mut other = snapshot(2026, 5, 5.0);
        other.instrument = "egen".to_string();
        history.record(other);
        let kept: Vec<_> = history
            .snapshots
            .iter()
            .map(|kept| (kept.month.month, kept.means["autonomi"]))
            .collect();
        assert_eq!(kept, [(3, 2.0), (5, 4.0), (5, 5.0), (8, 1.0), (11, 3.0)]);
    }

    #[test]
    fn snapshots_carry_only_the_month() {
        let text = encode(&History {
            snapshots: vec![snapshot(2026, 5, 3.25)],
        });
        assert!(text.contains("\"month\":\"2026-05\""));
        assert!(!text.contains("2026-05-"), "no day");
        assert_eq!(
            decode::<History>(&text).unwrap().snapshots[0]
                .month
                .format(Lang::Nb),
            "05.2026"
        );
        assert!(decode::<History>(&text.replace("2026-05", "2026-13")).is_err());
    }

    #[test]
    fn forgetting_an_instrument_drops_only_its_own_snapshots() {
        let instrument = &built_in()[0];
        let mut edited = instrument.clone();
        edited.fingerprint ^= 1;
        let mut history = History::default();
        history.record(snapshot(2026, 3, 3.0));
        history.record(Snapshot::of(&[], &edited, Month::new(2026, 4).unwrap()));
        history.record(snapshot(2026, 5, 4.0));
        assert!(history.forget(instrument));
        assert_eq!(history.snapshots.len(), 1, "an edited copy's is its own");
        assert_eq!(history.snapshots[0].fingerprint, Some(edited.fingerprint));
        assert!(!history.forget(instrument), "nothing left to forget");
    }
}

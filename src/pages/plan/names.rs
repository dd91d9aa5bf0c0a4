//! The plan's choices in the user's language.

use crate::core::plan::{Kind, Level, Owner, Progress, Rating};
use crate::i18n::{td_string, Locale};

pub fn owner_name(owner: Owner, locale: Locale) -> &'static str {
    match owner {
        Owner::Leader => td_string!(locale, owner.leader),
        Owner::SafetyDelegate => td_string!(locale, owner.safety_delegate),
        Owner::UnionRepresentative => td_string!(locale, owner.union_representative),
        Owner::Employees => td_string!(locale, owner.employees),
        Owner::HrOrHealthService => td_string!(locale, owner.hr_health_service),
    }
}

pub fn rating_name(rating: Rating, locale: Locale) -> &'static str {
    match rating {
        Rating::Low => td_string!(locale, rating.low),
        Rating::Medium => td_string!(locale, rating.medium),
        Rating::High => td_string!(locale, rating.high),
    }
}

pub fn level_name(level: Level, locale: Locale) -> &'static str {
    match level {
        Level::Individual => td_string!(locale, level.individual),
        Level::Group => td_string!(locale, level.group),
        Level::Leader => td_string!(locale, level.leader),
        Level::Organisation => td_string!(locale, level.organisation),
    }
}

pub fn kind_name(kind: Kind, locale: Locale) -> &'static str {
    match kind {
        Kind::HealthPromoting => td_string!(locale, kind.health_promoting),
        Kind::RiskReducing => td_string!(locale, kind.risk_reducing),
    }
}

pub fn progress_name(progress: Progress, locale: Locale) -> &'static str {
    match progress {
        Progress::Planned => td_string!(locale, progress.planned),
        Progress::Ongoing => td_string!(locale, progress.ongoing),
        Progress::Done => td_string!(locale, progress.done),
        Progress::Dropped => td_string!(locale, progress.dropped),
    }
}

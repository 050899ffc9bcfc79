//! `schedule`: a CronJob fires at the same times as the expected schedule,
//! compared as sets of times with the API server's own cron parser, so
//! `*/15`, `0,15,30,45`, `0-59/15` and `00,15,30,45` all pass; optionally in
//! a given time zone.

use serde::Deserialize;

use super::{Found, Miss, bad_param, kind, no_object, read};
use crate::grade::check::CheckError;
use crate::validate::{CronSchedule, Node, Rule, Text, Words, schedule_of};

pub(in crate::grade) static SCHEDULE: Rule = Rule {
    id: "grade/schedule",
    summary: Words::new(
        "A CronJob fires at the expected times (any spelling of the schedule)",
        "CronJobが期待どおりの時刻に起動する(スケジュールの書き方は問わない)",
    ),
    help: Words::new(
        "read the five fields as minute, hour, day of month, month, day of week; `*/15` in the first field means every 15 minutes",
        "5つのフィールドは分、時、日、月、曜日の順です。最初のフィールドの`*/15`は15分ごとを意味します",
    ),
    docs: "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax",
    ..Rule::GRADING
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Raw {
    schedule: String,
    time_zone: Option<String>,
}

/// The check's parameters, with the expected schedule parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleCheck {
    text: String,
    expected: CronSchedule,
    time_zone: Option<String>,
}

impl ScheduleCheck {
    pub(super) fn parse(params: &Node) -> Result<ScheduleCheck, CheckError> {
        let raw: Raw = read(params)?;
        let expected = schedule_of(&raw.schedule).map_err(|why| {
            bad_param(
                params,
                "schedule",
                format!("`{}` is not a schedule: {}", raw.schedule, why.en),
            )
        })?;
        Ok(ScheduleCheck {
            text: raw.schedule,
            expected,
            time_zone: raw.time_zone,
        })
    }

    pub(super) fn message(&self) -> Text {
        let s = &self.text;
        let (tz_en, tz_ja) = match &self.time_zone {
            Some(tz) => (format!(" in time zone {tz}"), format!("タイムゾーン{tz}で")),
            None => (String::new(), String::new()),
        };
        Text::new(
            format!("The CronJob fires at the times of `{s}`{tz_en}"),
            format!("CronJobが{tz_ja}`{s}`と同じ時刻に起動する"),
        )
    }

    pub(super) fn explain(&self) -> Vec<Text> {
        vec![
            Text::new(
                "passes: any schedule that fires at exactly the same times: lists, ranges with steps, leading zeros, `*/1` for every hour, names of months and weekdays, extra spaces",
                "合格: まったく同じ時刻に起動するスケジュールなら書き方は問いません(リスト、ステップ付きの範囲、先頭のゼロ、毎時の`*/1`、月や曜日の名前、余分な空白)",
            ),
            Text::new(
                "fails: a schedule that fires at other times, even once more or once less",
                "不合格: 起動時刻が1回でも違うスケジュール",
            ),
        ]
    }

    pub(super) fn run(&self, objects: &[&Node]) -> Found {
        let cron_jobs: Vec<&Node> = objects
            .iter()
            .copied()
            .filter(|o| kind(o) == "CronJob")
            .collect();
        let Some(first) = cron_jobs.first() else {
            return Err(no_object(objects, "CronJob", "CronJob"));
        };
        for cron_job in &cron_jobs {
            let spec = cron_job.present("spec");
            let at = spec.map_or(cron_job.pos, |s| s.pos);
            let schedule = spec.and_then(|s| s.present("schedule"));
            let written = schedule.and_then(Node::as_str).unwrap_or_default();
            let fires_like = schedule_of(written).is_ok_and(|s| s.fires_like(&self.expected));
            if !fires_like {
                let want = &self.text;
                return Err(Miss::new(
                    schedule.map_or(at, |s| s.pos),
                    format!("`{written}` does not fire at the times of `{want}`"),
                    format!("`{written}`は`{want}`と同じ時刻に起動しません"),
                ));
            }
            if let Some(wanted) = &self.time_zone {
                let zone = spec.and_then(|s| s.present("timeZone"));
                if zone.and_then(Node::as_str) != Some(wanted.as_str()) {
                    return Err(Miss::new(
                        zone.map_or(at, |z| z.pos),
                        format!(
                            "the CronJob does not run in time zone {wanted}: set `timeZone: {wanted}` (without it, the controller manager's zone applies)"
                        ),
                        format!(
                            "CronJobがタイムゾーン{wanted}で動きません。`timeZone: {wanted}`を指定してください(省略するとコントローラーマネージャーのタイムゾーンになります)"
                        ),
                    ));
                }
            }
        }
        Ok(first.pos)
    }
}

//! `kubetutor grade --explain EXERCISE`: each check in words and the sample
//! answers `pack lint` proves, so an author can read what an exercise
//! accepts and a reviewer can argue with it.

use serde::Serialize;

use super::check::CheckFormat;
use super::grade::find_exercise;
use super::{CommandError, Context, Exit, print_out};
use crate::content::{Course, Exercise, Expectation, Variant};
use crate::grade::Explanation;
use crate::i18n::Lang;
use crate::markdown::sanitize;

/// Prints the exercise's checks in words (text or JSON).
pub fn explain(context: &Context, id: &str, format: CheckFormat) -> Result<Exit, CommandError> {
    let course = Course::load_with_variants(&context.source)?;
    let exercise = find_exercise(&course, id)?;
    let output = match format {
        CheckFormat::Json => json(exercise, context.lang)?,
        CheckFormat::Text => text(exercise, context.lang),
    };
    print_out(&output)?;
    Ok(Exit::Success)
}

/// The comment lines a variant starts with, `# fails:` left out.
fn note(variant: &Variant) -> String {
    variant
        .text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .map(|line| line.trim_start_matches('#').trim())
        .filter(|line| !line.starts_with("fails:"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The explanation as plain text.
pub fn text(exercise: &Exercise, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let mut out = format!(
        "{}: {}\n{}\n",
        sanitize(&exercise.id),
        sanitize(exercise.title.get(lang)),
        if ja {
            "検証でエラーがなく、すべてのチェックに合格した解答が合格です。"
        } else {
            "An answer passes when the validator reports no error and every check passes."
        }
    );
    for (index, check) in exercise.checks.iter().enumerate() {
        let explained = check.explain();
        out.push_str(&check_text(index + 1, &explained, lang));
    }
    if !exercise.variants.is_empty() {
        out.push_str(if ja {
            "\npack lintが検証する解答例:\n"
        } else {
            "\nSample answers pack lint proves:\n"
        });
        for variant in &exercise.variants {
            let (verdict, fails) = match &variant.expect {
                Expectation::Pass => (if ja { "合格  " } else { "pass  " }, String::new()),
                Expectation::Fail(ids) => (
                    if ja { "不合格" } else { "fail  " },
                    format!(" ({})", ids.join(", ")),
                ),
            };
            let note = note(variant);
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" — {note}")
            };
            out.push_str(&sanitize(&format!(
                "  {verdict} {}{fails}{note}\n",
                variant.file
            )));
        }
    }
    out
}

fn check_text(number: usize, explained: &Explanation, lang: Lang) -> String {
    let rule = explained
        .rule
        .map(|rule| format!(" [{rule}]"))
        .unwrap_or_default();
    let mut out = format!(
        "\n{number}. {} — {}{rule}\n   {}\n",
        explained.id,
        explained.message.get(lang),
        explained.origin.words().get(lang)
    );
    for line in &explained.lines {
        out.push_str(&format!("   {}\n", line.get(lang)));
    }
    sanitize(&out)
}

#[derive(Serialize)]
struct JsonExplanation<'a> {
    exercise: &'a str,
    title: &'a str,
    checks: Vec<JsonCheck<'a>>,
    variants: Vec<JsonVariant>,
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    id: String,
    rule: Option<&'a str>,
    origin: &'a str,
    message: String,
    explanation: Vec<String>,
}

#[derive(Serialize)]
struct JsonVariant {
    file: String,
    passes: bool,
    fails: Vec<String>,
    note: String,
}

/// `{"exercise":…,"title":…,"checks":[…],"variants":[…]}`.
fn json(exercise: &Exercise, lang: Lang) -> Result<String, serde_json::Error> {
    let checks = exercise
        .checks
        .iter()
        .map(|check| {
            let explained = check.explain();
            JsonCheck {
                id: explained.id,
                rule: explained.rule,
                origin: explained.origin.id(),
                message: explained.message.get(lang).to_string(),
                explanation: explained
                    .lines
                    .iter()
                    .map(|line| line.get(lang).to_string())
                    .collect(),
            }
        })
        .collect();
    let variants = exercise
        .variants
        .iter()
        .map(|variant| JsonVariant {
            file: variant.file.clone(),
            passes: variant.expect == Expectation::Pass,
            fails: match &variant.expect {
                Expectation::Fail(ids) => ids.clone(),
                Expectation::Pass => Vec::new(),
            },
            note: note(variant),
        })
        .collect();
    let output = JsonExplanation {
        exercise: &exercise.id,
        title: exercise.title.get(lang),
        checks,
        variants,
    };
    serde_json::to_string(&output).map(|text| text + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackSource;

    #[test]
    fn every_check_and_variant_is_explained_in_both_languages() {
        let course = Course::load_with_variants(&PackSource::BuiltIn).unwrap();
        for exercise in course.exercises() {
            let en = text(exercise, Lang::En);
            let ja = text(exercise, Lang::Ja);
            for check in &exercise.checks {
                assert!(en.contains(&format!(". {} — ", check.id)), "{en}");
                assert!(ja.contains(&format!(". {} — ", check.id)), "{ja}");
            }
            for variant in &exercise.variants {
                assert!(en.contains(&variant.file), "{en}");
            }
            assert!(en.contains("passes"), "{en}");
            assert!(ja.contains("合格"), "{ja}");
        }
    }

    #[test]
    fn json_lists_checks_with_their_origin() {
        let course = Course::load_with_variants(&PackSource::BuiltIn).unwrap();
        let exercise = course.exercises().first().unwrap();
        let value: serde_json::Value =
            serde_json::from_str(&json(exercise, Lang::En).unwrap()).unwrap();
        let checks = value["checks"].as_array().unwrap();
        assert!(
            checks
                .iter()
                .any(|c| c["id"] == "valid" && c["origin"] == "api"),
            "{value}"
        );
        assert!(value["variants"].as_array().is_some_and(|v| !v.is_empty()));
    }
}

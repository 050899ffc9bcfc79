use super::*;
use crate::content::{Course, PackSource};
use crate::markdown::StyledLine;

fn screen(id: &str) -> ExerciseScreen {
    let course = Course::load(&PackSource::BuiltIn).unwrap();
    let exercise = course
        .exercises()
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .clone();
    ExerciseScreen::new(exercise, PathBuf::from("/tmp/x.yaml"), 0, false)
}

fn graded(
    screen: &mut ExerciseScreen,
    text: &str,
    reason: GradeReason,
) -> Option<(String, bool, u32)> {
    let job = screen.job(reason);
    let verdict = job.exercise.grade(text);
    screen.graded(Graded {
        exercise_id: job.exercise.id.clone(),
        generation: job.generation,
        reason,
        outcome: Ok((text.to_string(), verdict)),
    })
}

#[test]
fn only_changed_saves_are_attempts_and_a_failure_unlocks_the_solution() {
    let mut screen = screen("fix-job-restart-policy");
    let starter = screen.exercise.starter.clone();
    let solution = screen.exercise.solution.clone();
    assert_eq!(graded(&mut screen, &starter, GradeReason::Opened), None);
    assert!(!screen.solution_unlocked());
    assert_eq!(
        graded(&mut screen, &starter, GradeReason::Saved),
        None,
        "a save that changed nothing is no attempt"
    );
    assert!(!screen.solution_unlocked());
    let wrong = format!("{starter}# tried something\n");
    let (_, passed, findings) = graded(&mut screen, &wrong, GradeReason::Saved).unwrap();
    assert!(!passed && findings > 0);
    assert!(screen.solution_unlocked());
    assert_eq!(
        graded(&mut screen, &wrong, GradeReason::Saved),
        None,
        "unchanged"
    );
    let (_, passed, _) = graded(&mut screen, &solution, GradeReason::Saved).unwrap();
    assert!(passed && screen.celebrating);
}

#[test]
fn stale_gradings_are_ignored() {
    let mut screen = screen("fix-job-restart-policy");
    let old = screen.job(GradeReason::Saved);
    let _new = screen.job(GradeReason::Saved);
    let stale = Graded {
        exercise_id: old.exercise.id.clone(),
        generation: old.generation,
        reason: old.reason,
        outcome: Err("gone".into()),
    };
    assert_eq!(screen.graded(stale), None);
    assert!(screen.grading && screen.problem.is_none());
}

#[test]
fn results_point_at_the_line_with_a_caret() {
    let mut screen = screen("fix-job-restart-policy");
    let starter = screen.exercise.starter.clone();
    graded(&mut screen, &starter, GradeReason::Opened);
    let page = screen.results_page(Lang::En, 70);
    let text: Vec<String> = page.lines.iter().map(StyledLine::plain_text).collect();
    let caret = text
        .iter()
        .position(|l| l.trim_end().ends_with('^'))
        .expect("a caret line");
    assert!(text[caret - 1].contains("restartPolicy"), "{text:#?}");
    assert_eq!(screen.results(Lang::En)[0].level, ResultKind::Failed);
}
